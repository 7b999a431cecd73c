package org.advocacy.engine.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.advocacy.engine.templates.FieldSpec;
import org.advocacy.engine.templates.FieldType;
import org.advocacy.engine.templates.FieldValidator;
import org.advocacy.engine.votes.PermanentMembers;
import org.advocacy.engine.votes.VoteReader;
import org.advocacy.engine.votes.VoteRule;
import org.springframework.util.MultiValueMap;

/**
 * Forms generated from a template's field declarations, whatever the template: the widgets that
 * a page draws for each field, and the binding of a submitted form back into the same submission
 * that the API takes, so that one validation (FieldValidator) serves both. A value that does not
 * parse is passed through as text, so that the validator's own message explains it.
 */
public final class FormFields {

    /** Prefix of the per-member vote rows: {@code votes.member} and {@code votes.vote}, in pairs. */
    static final String MEMBER = VoteRule.VOTES + ".member";
    static final String MEMBER_VOTE = VoteRule.VOTES + ".vote";
    static final int EMPTY_NAME_ROWS = 2;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final List<String> COUNTS = List.of(VoteRule.IN_FAVOUR, VoteRule.AGAINST, VoteRule.ABSTAINING);

    /** What people call the keys of a vote, where a page shows them. */
    static final Map<String, String> VOTE_LABELS = Map.of(VoteRule.DATE, "Date of the vote",
            VoteRule.SYMBOL, "Document symbol", VoteRule.ADOPTED_WITHOUT_VOTE, "Adopted without a vote",
            VoteRule.IN_FAVOUR, "In favour", VoteRule.AGAINST, "Against", VoteRule.ABSTAINING, "Abstaining",
            VoteRule.PERMANENT_MEMBERS_AGAINST, "Permanent members against", VoteRule.VOTES, "Each member's vote");

    /** Where a name field's suggestions come from. */
    public enum Suggestions { NONE, MEMBER_STATES, COUNCIL_MEMBERS }

    /**
     * One field as a page draws it.
     *
     * @param widget   text, number, date, yesno, choice, names or vote
     * @param value    the value to show again (text), or null
     * @param names    for a names field, the names entered
     * @param problems the refusals of this field, shown next to it
     */
    public record Field(String id, String label, String widget, boolean required, String requiredWhen,
                        List<String> values, Long min, Long max, String value, List<String> names,
                        Suggestions suggestions, VoteForm vote, List<String> problems) {

        /** Empty rows to draw after the names entered, so that names can be added without script. */
        public int emptyRows() {
            return EMPTY_NAME_ROWS;
        }

        /** The input's maxlength: the validator's bound on each name of a list. */
        public int longestName() {
            return FieldValidator.LONGEST_NAME;
        }
    }

    /**
     * The vote part of a form: the body's rule, the entered values, and for the Security Council
     * the permanent members and the per-member rows.
     */
    public record VoteForm(String rule, String body, int members, boolean council, boolean substantive,
                           Map<String, String> values, boolean adoptedWithoutVote, List<String> permanentMembers,
                           List<String> permanentMembersAgainst, List<MemberRow> memberRows,
                           Map<String, List<String>> problems) {

        public List<String> problemsOf(String key) {
            return problems.getOrDefault(key, List.of());
        }

        /** The symbol input's maxlength: the vote reader's bound. */
        public int longestSymbol() {
            return VoteReader.LONGEST_SYMBOL;
        }
    }

    /** One member's vote row; {@code vote} is YES, NO, ABSTAIN or empty. */
    public record MemberRow(String member, String vote) {
    }

    private FormFields() {
    }

    /**
     * The fields to draw.
     *
     * @param entered        what was entered (the bound submission), empty on a fresh form
     * @param problems       the validator's refusals, as messages
     * @param councilMembers the Security Council members to offer for per-member votes and names
     */
    public static List<Field> of(List<FieldSpec> specs, Map<String, Object> entered, List<String> problems,
                                 List<String> councilMembers) {
        Map<String, List<String>> byField = problemsByField(specs, problems);
        List<Field> fields = new ArrayList<>();
        for (FieldSpec spec : specs) {
            List<String> own = byField.getOrDefault(spec.id(), List.of());
            if (spec.type() == FieldType.VOTE) {
                fields.add(new Field(spec.id(), spec.label(), "vote", true, null, List.of(), null, null, null,
                        List.of(), Suggestions.NONE, voteForm(spec, entered, byField, councilMembers), own));
                continue;
            }
            Object value = entered.get(spec.id());
            List<String> names = value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
            fields.add(new Field(spec.id(), spec.label(), widget(spec.type()), spec.required(), spec.requiredWhen(),
                    spec.values(), spec.min(), spec.max(), value == null || value instanceof List ? null : value.toString(),
                    names, suggestions(spec), null, own));
        }
        return fields;
    }

    /**
     * The refusals that name no field of the form (none, when every refusal belongs to a field).
     */
    public static List<String> unplaced(List<FieldSpec> specs, List<String> problems) {
        return problemsByField(specs, problems).getOrDefault("", List.of());
    }

    /** The submission that a posted form stands for, shaped as the API's JSON body. */
    public static Map<String, Object> bind(List<FieldSpec> specs, MultiValueMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (FieldSpec spec : specs) {
            switch (spec.type()) {
                case VOTE -> bindVote(FieldValidator.rule(spec), form, body);
                case NAMES -> {
                    List<String> names = nonBlank(form.get(spec.id()));
                    if (!names.isEmpty()) {
                        body.put(spec.id(), names);
                    }
                }
                case LONG -> text(form, spec.id()).ifPresent(text -> body.put(spec.id(), number(text)));
                case BOOLEAN -> text(form, spec.id()).ifPresent(text -> body.put(spec.id(), yesNo(text)));
                default -> text(form, spec.id()).ifPresent(text -> body.put(spec.id(), text));
            }
        }
        return body;
    }

    private static void bindVote(VoteRule rule, MultiValueMap<String, String> form, Map<String, Object> body) {
        text(form, VoteRule.DATE).ifPresent(date -> body.put(VoteRule.DATE, date));
        text(form, VoteRule.SYMBOL).ifPresent(symbol -> body.put(VoteRule.SYMBOL, symbol));
        if (text(form, VoteRule.ADOPTED_WITHOUT_VOTE).map(FormFields::yesNo).orElse(Boolean.FALSE) instanceof Boolean flag
                && flag) {
            body.put(VoteRule.ADOPTED_WITHOUT_VOTE, true);
        }
        for (String count : COUNTS) {
            text(form, count).ifPresent(text -> body.put(count, number(text)));
        }
        if (!rule.council()) {
            return;
        }
        List<String> against = nonBlank(form.get(VoteRule.PERMANENT_MEMBERS_AGAINST));
        boolean counted = COUNTS.stream().anyMatch(body::containsKey);
        if (!against.isEmpty() || (rule == VoteRule.councilResolution && counted)) {
            body.put(VoteRule.PERMANENT_MEMBERS_AGAINST, against);
        }
        List<String> members = form.getOrDefault(MEMBER, List.of());
        List<String> votes = form.getOrDefault(MEMBER_VOTE, List.of());
        Map<String, Object> memberVotes = new LinkedHashMap<>();
        for (int row = 0; row < Math.min(members.size(), votes.size()); row++) {
            String member = members.get(row) == null ? "" : members.get(row).strip();
            String vote = votes.get(row) == null ? "" : votes.get(row).strip();
            if (!vote.isEmpty()) {
                memberVotes.put(member, vote);
            }
        }
        if (!memberVotes.isEmpty()) {
            body.put(VoteRule.VOTES, memberVotes);
        }
    }

    private static VoteForm voteForm(FieldSpec spec, Map<String, Object> entered, Map<String, List<String>> byField,
                                     List<String> councilMembers) {
        VoteRule rule = FieldValidator.rule(spec);
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : List.of(VoteRule.DATE, VoteRule.SYMBOL, VoteRule.IN_FAVOUR, VoteRule.AGAINST, VoteRule.ABSTAINING)) {
            Object value = entered.get(key);
            values.put(key, value == null ? "" : value.toString());
        }
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (String key : rule.acceptedKeys()) {
            problems.put(key, byField.getOrDefault(key, List.of()));
        }
        List<String> against = entered.get(VoteRule.PERMANENT_MEMBERS_AGAINST) instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        List<MemberRow> rows = new ArrayList<>();
        if (rule.council()) {
            Map<String, String> votes = new LinkedHashMap<>();
            if (entered.get(VoteRule.VOTES) instanceof Map<?, ?> map) {
                map.forEach((member, vote) -> votes.put(String.valueOf(member), String.valueOf(vote)));
            }
            for (String member : councilMembers) {
                rows.add(new MemberRow(member, votes.getOrDefault(member, "")));
            }
            votes.forEach((member, vote) -> {
                if (!councilMembers.contains(member)) {
                    rows.add(new MemberRow(member, vote));
                }
            });
            while (rows.size() < rule.members()) {
                rows.add(new MemberRow("", ""));
            }
        }
        return new VoteForm(rule.name(), rule.body(), rule.members(), rule.council(),
                rule == VoteRule.councilResolution, values, Boolean.TRUE.equals(entered.get(VoteRule.ADOPTED_WITHOUT_VOTE)),
                PermanentMembers.IN_ORDER, against, rows, problems);
    }

    /**
     * Assigns each refusal to the field it names: the validator's messages begin with the field's
     * id (or a vote's key). A vote's refusals that name no key (its counts' sum) go to the vote
     * field; anything else is the form's ("" key).
     */
    static Map<String, List<String>> problemsByField(List<FieldSpec> specs, List<String> problems) {
        Set<String> keys = FieldValidator.acceptedKeys(specs);
        String voteField = specs.stream().filter(spec -> spec.type() == FieldType.VOTE).map(FieldSpec::id)
                .findFirst().orElse(null);
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (String problem : problems) {
            String field = keys.stream().filter(key -> problem.startsWith(key + " "))
                    .max(java.util.Comparator.comparingInt(String::length))
                    .orElse(voteField != null && !problem.startsWith("unknown field") ? voteField : "");
            byField.computeIfAbsent(field, key -> new ArrayList<>()).add(problem);
        }
        return byField;
    }

    private static String widget(FieldType type) {
        return switch (type) {
            case STRING -> "text";
            case LONG -> "number";
            case DATE -> "date";
            case BOOLEAN -> "yesno";
            case ENUM -> "choice";
            case NAMES -> "names";
            case VOTE -> "vote";
        };
    }

    /** What the template declares that a list of names suggests (its property {@code suggest}). */
    static Suggestions suggestions(FieldSpec spec) {
        if (spec.type() != FieldType.NAMES || spec.suggest() == null) {
            return Suggestions.NONE;
        }
        return switch (spec.suggest()) {
            case "memberStates" -> Suggestions.MEMBER_STATES;
            case "councilMembers" -> Suggestions.COUNCIL_MEMBERS;
            default -> Suggestions.NONE;
        };
    }

    private static java.util.Optional<String> text(MultiValueMap<String, String> form, String key) {
        String value = form.getFirst(key);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(value -> value != null && !value.isBlank())
                .map(String::strip).toList();
    }

    private static Object number(String text) {
        return WHOLE_NUMBER.matcher(text).matches() ? (Object) Long.parseLong(text) : text;
    }

    private static Object yesNo(String text) {
        return switch (text) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> text;
        };
    }
}
