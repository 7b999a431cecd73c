package org.advocacy.engine.templates;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.advocacy.engine.reference.UnMembership;
import org.advocacy.engine.templates.Submission.CastVote;
import org.advocacy.engine.votes.InvalidVote;
import org.advocacy.engine.votes.PermanentMembers;
import org.advocacy.engine.votes.Vote;
import org.advocacy.engine.votes.VoteReader;
import org.advocacy.engine.votes.VoteRule;

/**
 * Validates a submission against the fields that a template declares, whatever the template:
 * presence, types, limits, allowed values, dates not before the campaign's origin, votes through
 * the vote rules, and names of Security Council members (a {@code names} field suggesting
 * {@code councilMembers}, and a Council vote's per-member votes) against the Council of the step's
 * year, where the reference data knows it. Collects every problem before refusing.
 */
public final class FieldValidator {

    /** The longest name in a list of names: one line, a member state or an organisation's full name. */
    public static final int LONGEST_NAME = 300;
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Set<String> COUNCIL_ONLY = Set.of(VoteRule.PERMANENT_MEMBERS_AGAINST, VoteRule.VOTES);
    /** The {@code suggest} value of a list of names that must be the Council's members in the step's year. */
    public static final String COUNCIL_MEMBERS = "councilMembers";

    private FieldValidator() {
    }

    /**
     * @param what   names the form in messages ("task record-hrc-vote")
     * @param origin     the campaign's origin date, or null when it has none (yet)
     * @param membership the Council's members by year, for the names that must be Council members
     */
    public static Submission validate(String what, List<FieldSpec> specs, Map<String, Object> body, LocalDate origin,
                                      UnMembership membership) {
        Map<String, Object> input = body == null ? Map.of() : body;
        List<String> problems = new ArrayList<>();
        Set<String> accepted = acceptedKeys(specs);
        Set<String> unknown = new TreeSet<>(input.keySet());
        unknown.removeAll(accepted);
        for (String key : List.copyOf(unknown)) {
            if (COUNCIL_ONLY.contains(key) && specs.stream().anyMatch(spec -> spec.type() == FieldType.VOTE)) {
                problems.add(key + " is only taken by Security Council votes");
                unknown.remove(key);
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; " + what + " takes " + String.join(", ", accepted));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        CastVote vote = null;
        for (FieldSpec spec : specs) {
            if (spec.type() == FieldType.VOTE) {
                vote = readVote(spec, input, origin, problems);
                if (vote != null) {
                    fields.putAll(vote.vote().asFields());
                }
                continue;
            }
            Object raw = input.get(spec.id());
            if (raw == null) {
                if (isRequired(spec, input)) {
                    problems.add(spec.id() + " is required" + (spec.required() ? "" : " when " + spec.requiredWhen() + " is true"));
                }
                continue;
            }
            Object value = read(spec, raw, origin, problems);
            if (value != null) {
                fields.put(spec.id(), value);
            }
        }
        checkCouncilMembers(specs, fields, vote, membership, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(problems);
        }
        return new Submission(fields, vote);
    }

    /**
     * A list of names that suggests the Council names its members in the year of the form's
     * {@code date}; a Council vote's per-member votes name its members in the year of the vote.
     * Years without reference data accept any names.
     */
    private static void checkCouncilMembers(List<FieldSpec> specs, Map<String, Object> fields, CastVote vote,
                                            UnMembership membership, List<String> problems) {
        LocalDate stepDate = fields.get(VoteRule.DATE) instanceof String date ? LocalDate.parse(date) : null;
        for (FieldSpec spec : specs) {
            if (spec.type() == FieldType.NAMES && COUNCIL_MEMBERS.equals(spec.suggest()) && stepDate != null
                    && fields.get(spec.id()) instanceof List<?> names) {
                requireCouncilMembers(spec.id(), names.stream().map(String::valueOf).toList(), stepDate,
                        membership, problems);
            }
        }
        if (vote != null && vote.vote().rule().council() && !vote.vote().votes().isEmpty()) {
            requireCouncilMembers(VoteRule.VOTES, List.copyOf(vote.vote().votes().keySet()), vote.vote().date(),
                    membership, problems);
        }
    }

    private static void requireCouncilMembers(String key, List<String> names, LocalDate date, UnMembership membership,
                                              List<String> problems) {
        int year = date.getYear();
        List<String> council = membership.councilMembers(year);
        if (council.isEmpty()) {
            return;
        }
        List<String> outside = new ArrayList<>();
        for (String name : names) {
            if (council.contains(name)) {
                continue;
            }
            String written = spelledAs(name, council);
            if (written != null) {
                problems.add(key + " names \"" + name + "\"; write that member of the Security Council exactly as \""
                        + written + "\"");
            } else {
                outside.add(name);
            }
        }
        if (!outside.isEmpty()) {
            problems.add(key + " names " + VoteReader.joinAnd(outside) + (outside.size() == 1 ? ", which was not a member"
                    : ", which were not members") + " of the Security Council in " + year + " (the step's date is "
                    + date + "); its members in " + year + " were " + VoteReader.joinAnd(council));
        }
    }

    /** The exact name of the Council member that {@code name} is another writing of; null when none. */
    private static String spelledAs(String name, List<String> council) {
        String loose = name.strip().replaceAll("\\s+", " ");
        for (String member : council) {
            if (member.equalsIgnoreCase(loose)) {
                return member;
            }
        }
        return PermanentMembers.lookalike(name).orElse(null);
    }

    /** The keys a submission may carry: the declared fields, a vote field standing for the vote's own keys. */
    public static Set<String> acceptedKeys(List<FieldSpec> specs) {
        Set<String> keys = new LinkedHashSet<>();
        for (FieldSpec spec : specs) {
            if (spec.type() == FieldType.VOTE) {
                keys.addAll(rule(spec).acceptedKeys());
            } else {
                keys.add(spec.id());
            }
        }
        return keys;
    }

    /** The vote rule a vote field names; its own id when it names none. */
    public static VoteRule rule(FieldSpec spec) {
        String name = spec.rule() == null ? spec.id() : spec.rule();
        return VoteRule.named(name).orElseThrow(() -> new IllegalStateException(
                "vote field " + spec.id() + " names no vote rule: " + name));
    }

    private static boolean isRequired(FieldSpec spec, Map<String, Object> input) {
        return spec.required() || (spec.requiredWhen() != null && Boolean.TRUE.equals(input.get(spec.requiredWhen())));
    }

    private static CastVote readVote(FieldSpec spec, Map<String, Object> input, LocalDate origin, List<String> problems) {
        VoteRule rule = rule(spec);
        Map<String, Object> raw = new LinkedHashMap<>();
        rule.acceptedKeys().forEach(key -> {
            if (input.containsKey(key)) {
                raw.put(key, input.get(key));
            }
        });
        try {
            Vote vote = VoteReader.read(rule, raw, origin);
            return new CastVote(spec.id(), vote);
        } catch (InvalidVote invalid) {
            problems.addAll(invalid.problems());
            return null;
        }
    }

    private static Object read(FieldSpec spec, Object raw, LocalDate origin, List<String> problems) {
        int before = problems.size();
        Object value = switch (spec.type()) {
            case STRING -> readText(spec, raw, problems);
            case LONG -> readLong(spec, raw, problems);
            case BOOLEAN -> raw instanceof Boolean flag ? flag : refuse(problems, spec.id() + " must be true or false");
            case DATE -> readDate(spec, raw, origin, problems);
            case ENUM -> raw instanceof String text && spec.values().contains(text) ? text
                    : refuse(problems, spec.id() + " must be one of " + String.join(", ", spec.values()));
            case NAMES -> readNames(spec, raw, problems);
            case VOTE -> throw new IllegalArgumentException("votes are read whole");
        };
        return problems.size() == before ? value : null;
    }

    private static Object readText(FieldSpec spec, Object raw, List<String> problems) {
        if (!(raw instanceof String text) || text.isBlank()) {
            return refuse(problems, spec.id() + " must be a non-empty text");
        }
        String stripped = text.strip();
        if (hasControlCharacters(stripped, true)) {
            return refuse(problems, spec.id() + " must not contain control characters");
        }
        if (spec.min() != null && stripped.length() < spec.min()) {
            return refuse(problems, spec.id() + " must have at least " + spec.min() + " characters");
        }
        if (spec.max() != null && stripped.length() > spec.max()) {
            return refuse(problems, spec.id() + " must have at most " + spec.max() + " characters");
        }
        return stripped;
    }

    private static Object readLong(FieldSpec spec, Object raw, List<String> problems) {
        Long number = wholeNumber(raw);
        if (number == null) {
            return refuse(problems, spec.id() + " must be a whole number");
        }
        if (spec.min() != null && number < spec.min()) {
            return refuse(problems, spec.id() + " must be at least " + spec.min());
        }
        if (spec.max() != null && number > spec.max()) {
            return refuse(problems, spec.id() + " must be at most " + spec.max());
        }
        return number;
    }

    private static Long wholeNumber(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (raw instanceof BigDecimal || raw instanceof Double || raw instanceof Float) {
            try {
                return new BigDecimal(raw.toString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException notWhole) {
                return null;
            }
        }
        return null;
    }

    private static Object readDate(FieldSpec spec, Object raw, LocalDate origin, List<String> problems) {
        if (!(raw instanceof String text)) {
            return refuse(problems, spec.id() + " must be a date written as YYYY-MM-DD");
        }
        LocalDate date;
        try {
            // four digits of year: LocalDate alone would take +999999999-12-31
            date = ISO_DATE.matcher(text).matches() ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException notADate) {
            date = null;
        }
        if (date == null) {
            return refuse(problems, spec.id() + " must be a date written as YYYY-MM-DD, not "
                    + (text.length() <= 20 ? text : text.substring(0, 17) + "..."));
        }
        if (origin != null && date.isBefore(origin)) {
            return refuse(problems, spec.id() + " " + date + " is before the campaign's origin of " + origin);
        }
        return date.toString();
    }

    private static Object readNames(FieldSpec spec, Object raw, List<String> problems) {
        if (!(raw instanceof List<?> list)) {
            return refuse(problems, spec.id() + " must be a list of names");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object item : list) {
            if (!(item instanceof String name) || name.isBlank() || name.strip().length() > LONGEST_NAME) {
                return refuse(problems, spec.id() + " must hold only non-empty names of at most "
                        + LONGEST_NAME + " characters");
            }
            if (hasControlCharacters(name, false)) {
                return refuse(problems, spec.id() + " must not contain control characters");
            }
            if (!seen.add(name.strip())) {
                return refuse(problems, spec.id() + " names " + name.strip() + " twice");
            }
            names.add(name.strip());
        }
        if (spec.min() != null && names.size() < spec.min()) {
            return refuse(problems, spec.id() + " must name at least " + spec.min());
        }
        if (spec.max() != null && names.size() > spec.max()) {
            return refuse(problems, spec.id() + " must name at most " + spec.max());
        }
        return List.copyOf(names);
    }

    /**
     * Whether a text holds a control character (NUL, escape, ...), which no one types and which
     * the read models' JSON cannot store; a text may keep its line breaks and tabs.
     */
    public static boolean hasControlCharacters(String text, boolean linesAllowed) {
        return text.codePoints().anyMatch(c -> Character.isISOControl(c)
                && !(linesAllowed && (c == '\n' || c == '\r' || c == '\t')));
    }

    private static Object refuse(List<String> problems, String problem) {
        problems.add(problem);
        return null;
    }
}
