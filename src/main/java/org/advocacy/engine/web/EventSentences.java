package org.advocacy.engine.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.advocacy.engine.audit.History;
import org.advocacy.engine.campaign.CampaignEvent;
import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.votes.Outcome;
import org.advocacy.engine.votes.VoteRule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One readable sentence per stored event, for the manager's timeline and the activity feed. It reads
 * the stored payload rather than the event records because the record keeps events of every age:
 * an old event may lack a field that today's record has, and a sentence must still come out.
 */
public final class EventSentences {

    private static final String WORKFLOW = "the workflow";
    /** A timeline line should stay one line: longer lists and texts are cut. */
    private static final int LIST_ITEMS_SHOWN = 5;
    private static final int TEXT_CHARACTERS_SHOWN = 120;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[^ ]+Z");
    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[-_\\s]+");

    /** Keyed by the records' own names, which are also the stored type names. */
    private static final Map<String, Function<Event, String>> SENTENCES = Map.ofEntries(
            sentence(CampaignEvent.CampaignLaunched.class, EventSentences::launched),
            sentence(CampaignEvent.TaskOpened.class, EventSentences::opened),
            sentence(CampaignEvent.TaskClaimed.class, EventSentences::claimed),
            sentence(CampaignEvent.TaskAssigned.class, EventSentences::assigned),
            sentence(CampaignEvent.TaskReleased.class, EventSentences::released),
            sentence(CampaignEvent.StepCompleted.class, EventSentences::completed),
            sentence(CampaignEvent.VoteRecorded.class, EventSentences::voteRecorded),
            sentence(CampaignEvent.OutcomeRecorded.class, EventSentences::outcomeRecorded),
            sentence(CampaignEvent.EscalationRaised.class, EventSentences::escalationRaised),
            sentence(CampaignEvent.TaskCancelled.class, EventSentences::cancelled),
            sentence(CampaignEvent.CampaignClosed.class, EventSentences::closed),
            sentence(CampaignEvent.TaskDueSoon.class, event -> "reminder: " + event.task() + " is due"
                    + by(event)),
            sentence(CampaignEvent.TaskOverdue.class, event -> event.task() + " is overdue: it was due" + by(event)),
            sentence(CampaignEvent.TemplateMigrated.class, EventSentences::migrated),
            sentence(CampaignEvent.PositionAssessed.class, event -> event.subject() + " expects "
                    + (event.text("member") == null ? "a member" : event.text("member")) + " to "
                    + (event.text("position") == null ? "vote as yet unknown" : readablePosition(event.text("position")))
                    + (event.text("voteKey") == null ? "" : " in the " + voteName(event.text("voteKey"), event.text("voteKey")))
                    + (event.text("note") == null ? "" : " (" + shortened(event.text("note")) + ")")),
            sentence(CampaignEvent.ElectorateEntered.class, event -> event.subject() + " entered who votes"
                    + (event.text("voteKey") == null ? "" : " in the " + voteName(event.text("voteKey"), event.text("voteKey"))) + ": "
                    + event.payload().path("members").size() + " members"
                    + (event.text("year") == null ? "" : " (" + event.text("year") + ")")
                    + (list(event.payload().path("members")) == null ? "" : ", " + list(event.payload().path("members")))),
            sentence(CampaignEvent.CampaignSuspended.class, event -> event.subject() + " suspended the campaign"
                    + because(event)),
            sentence(CampaignEvent.CampaignResumed.class, event -> event.subject() + " resumed the campaign"),
            sentence(CampaignEvent.CampaignCancelled.class, event -> event.subject() + " cancelled the campaign"
                    + because(event)));

    private EventSentences() {
    }

    /**
     * The event as a sentence.
     *
     * @param taskName a task key's readable name; it may answer null, and then the key stands in
     */
    public static String describe(History.Entry entry, Function<String, String> taskName) {
        Event event = new Event(entry.actor(), entry.payload() == null ? MissingNode.getInstance() : entry.payload(),
                taskName == null ? key -> null : taskName);
        Function<Event, String> sentence = entry.type() == null ? null : SENTENCES.get(entry.type());
        if (sentence == null) {
            return event.subject() + ": " + (entry.type() == null ? "an event" : entry.type());
        }
        return sentence.apply(event);
    }

    /**
     * What a vote under a rule of the vote-outcome decision is called ("HRC vote"); an unknown rule
     * falls back on the outcome it decides, so a new template's vote still gets a name.
     */
    public static String voteName(String rule, String outcomeKey) {
        String named = rule == null ? null : switch (rule) {
            case "hrc" -> "HRC vote";
            case "thirdCommittee" -> "Third Committee vote";
            case "plenary" -> "General Assembly plenary vote";
            case "councilAgenda" -> "Security Council procedural vote on the agenda";
            case "councilResolution" -> "Security Council vote on the draft resolution";
            default -> null;
        };
        if (named != null) {
            return named;
        }
        String key = present(outcomeKey) ? outcomeKey : rule;
        return present(key) ? key + " vote" : "vote";
    }

    private static String launched(Event event) {
        StringBuilder sentence = new StringBuilder(event.subject()).append(" started ");
        String title = event.text("title");
        sentence.append(title == null ? "a campaign" : "the campaign “" + title + "”");
        String template = event.text("template");
        if (template != null) {
            sentence.append(" from template ").append(template);
        }
        String fields = fields(event.payload().path("fields"), "title");
        if (!fields.isEmpty()) {
            sentence.append(" (").append(fields).append(')');
        }
        return sentence.toString();
    }

    /** Opening a task is the path's doing, whoever's step led there. */
    private static String opened(Event event) {
        String name = event.text("name");
        StringBuilder sentence = new StringBuilder(WORKFLOW).append(" opened the task ")
                .append(name != null ? name : event.task());
        String forum = event.text("forum");
        if (forum != null) {
            sentence.append(" (").append(forum).append(')');
        }
        String role = event.text("role");
        if (role != null) {
            sentence.append(" for ").append(startsWithVowel(role) ? "an " : "a ").append(role);
        }
        String due = moment(event.text("due"));
        if (due != null) {
            sentence.append(", due ").append(due);
        }
        return sentence.toString();
    }

    /** The claimer is the assignee, which says more than "the workflow" when an old event lacks its actor. */
    private static String claimed(Event event) {
        String claimer = event.person() != null ? event.person() : event.text("assignee");
        return (claimer != null ? claimer : WORKFLOW) + " claimed " + event.task();
    }

    private static String assigned(Event event) {
        StringBuilder sentence = new StringBuilder(event.subject()).append(" assigned ").append(event.task());
        String assignee = event.text("assignee");
        if (assignee != null) {
            sentence.append(" to ").append(assignee);
        }
        String previous = event.text("previousAssignee");
        if (previous != null) {
            sentence.append(" instead of ").append(previous);
        }
        return sentence.toString();
    }

    private static String released(Event event) {
        StringBuilder sentence = new StringBuilder(event.subject()).append(" released ").append(event.task());
        String previous = event.text("previousAssignee");
        if (previous != null && !previous.equals(event.person())) {
            sentence.append(" that ").append(previous).append(" held");
        }
        return sentence.toString();
    }

    /** A vote step's counts are left to its VoteRecorded, which also carries the outcome. */
    private static String completed(Event event) {
        JsonNode vote = event.payload().path("vote");
        if (hasValue(vote)) {
            return event.subject() + " submitted the " + voteName(text(vote, "rule"), text(vote, "outcomeKey"));
        }
        String fields = fields(event.payload().path("fields"));
        return event.subject() + " completed " + event.task() + (fields.isEmpty() ? "" : ": " + fields);
    }

    private static String voteRecorded(Event event) {
        JsonNode vote = event.payload().path("vote");
        StringBuilder sentence = new StringBuilder(event.subject()).append(" recorded the ")
                .append(voteName(event.text("rule"), event.text("outcomeKey")));
        String date = moment(text(vote, VoteRule.DATE));
        if (date != null) {
            sentence.append(" of ").append(date);
        }
        String symbol = event.text("symbol") != null ? event.text("symbol") : text(vote, VoteRule.SYMBOL);
        if (symbol != null) {
            sentence.append(" on ").append(symbol);
        }
        String tally = tally(vote, event.text("outcome"));
        if (!tally.isEmpty()) {
            sentence.append(": ").append(tally);
        }
        return sentence.toString();
    }

    private static String tally(JsonNode vote, String outcome) {
        List<String> parts = new ArrayList<>();
        if (vote.path(VoteRule.ADOPTED_WITHOUT_VOTE).asBoolean(false)) {
            parts.add("adopted without a vote");
        } else {
            count(vote, VoteRule.IN_FAVOUR, "in favour", parts);
            count(vote, VoteRule.AGAINST, "against", parts);
            count(vote, VoteRule.ABSTAINING, "abstaining", parts);
        }
        if (outcome != null) {
            String vetoers = list(vote.path(VoteRule.PERMANENT_MEMBERS_AGAINST));
            boolean vetoed = Outcome.VETOED.name().equals(outcome) && vetoers != null;
            parts.add(vetoed ? outcome + " by " + vetoers : outcome);
        }
        return String.join(", ", parts);
    }

    private static void count(JsonNode vote, String field, String label, List<String> parts) {
        String count = text(vote, field);
        if (count != null) {
            parts.add(count + " " + label);
        }
    }

    private static String outcomeRecorded(Event event) {
        String outcomeKey = event.text("outcomeKey");
        String outcome = event.text("outcome");
        String reason = event.text("reason");
        return "the outcome of " + (outcomeKey != null ? outcomeKey : "a vote") + " is "
                + (outcome != null ? outcome : "recorded") + (reason != null ? ": " + shortened(reason) : "");
    }

    private static String escalationRaised(Event event) {
        String name = event.text("name") != null ? event.text("name") : event.text("escalationId");
        return name != null ? "escalation: " + name : "an escalation was raised";
    }

    private static String cancelled(Event event) {
        String reason = event.text("reason");
        return WORKFLOW + " cancelled " + event.task() + (reason != null ? " (" + shortened(reason) + ")" : "");
    }

    private static String readablePosition(String position) {
        return switch (position) {
            case "YES" -> "vote yes";
            case "LEANING_YES" -> "lean towards yes";
            case "UNDECIDED" -> "be undecided";
            case "ABSTAIN" -> "abstain";
            case "LEANING_NO" -> "lean towards no";
            case "NO" -> "vote no";
            case "ABSENT" -> "be absent";
            default -> "be " + position;
        };
    }

    private static String migrated(Event event) {
        String process = event.text("processKey");
        String to = event.text("toVersion");
        String from = event.text("fromVersion");
        return event.subject() + " moved the campaign" + (process == null ? "" : "'s " + process)
                + (to == null ? " to a newer version of its template" : " to version " + to + " of its template")
                + (from == null ? "" : " (from version " + from + ")");
    }

    private static String by(Event event) {
        String due = moment(event.text("due"));
        return due == null ? "" : " by " + due;
    }

    private static String because(Event event) {
        String reason = event.text("reason");
        return reason == null ? "" : ": " + shortened(reason);
    }

    private static String closed(Event event) {
        List<String> outcomes = new ArrayList<>();
        event.payload().path("outcomes").fields().forEachRemaining(outcome -> {
            if (hasValue(outcome.getValue())) {
                outcomes.add(outcome.getKey() + " " + outcome.getValue().asText());
            }
        });
        return "the campaign closed" + (outcomes.isEmpty() ? "" : ": " + String.join(", ", outcomes));
    }

    /** A task's fields as "endorses findings: yes; lead sponsors: Japan, European Union". */
    private static String fields(JsonNode fields, String... leftOut) {
        Set<String> left = Set.of(leftOut);
        List<String> shown = new ArrayList<>();
        fields.fields().forEachRemaining(field -> {
            String value = left.contains(field.getKey()) ? null : readable(field.getValue());
            if (value != null) {
                shown.add(words(field.getKey()) + ": " + value);
            }
        });
        return String.join("; ", shown);
    }

    private static String readable(JsonNode value) {
        if (!hasValue(value)) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "yes" : "no";
        }
        if (value.isArray()) {
            return list(value);
        }
        if (value.isObject()) {
            List<String> entries = new ArrayList<>();
            value.fields().forEachRemaining(entry -> {
                String readable = readable(entry.getValue());
                if (readable != null) {
                    entries.add(entry.getKey() + ": " + readable);
                }
            });
            return abbreviated(entries);
        }
        String text = value.asText();
        String moment = moment(text);
        return moment != null ? moment : shortened(text);
    }

    /** "Australia, Chile, France, Jordan, Lithuania and 5 more"; null for an empty list. */
    private static String list(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> {
            String readable = readable(item);
            if (readable != null) {
                items.add(readable);
            }
        });
        return abbreviated(items);
    }

    private static String abbreviated(List<String> items) {
        if (items.isEmpty()) {
            return null;
        }
        if (items.size() <= LIST_ITEMS_SHOWN) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, LIST_ITEMS_SHOWN))
                + " and " + (items.size() - LIST_ITEMS_SHOWN) + " more";
    }

    /** Cuts at a word where one is near the limit, so that the ellipsis does not split a word. */
    private static String shortened(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        if (oneLine.length() <= TEXT_CHARACTERS_SHOWN) {
            return oneLine;
        }
        String cut = oneLine.substring(0, TEXT_CHARACTERS_SHOWN - 1);
        int lastSpace = cut.lastIndexOf(' ');
        if (lastSpace > TEXT_CHARACTERS_SHOWN * 2 / 3) {
            cut = cut.substring(0, lastSpace);
        }
        return cut.stripTrailing() + "…";
    }

    /** An ISO date or instant as "28 March 2014" (with the UTC time when an instant has one); null otherwise. */
    private static String moment(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text).format(DAY);
            }
            if (ISO_INSTANT.matcher(text).matches()) {
                ZonedDateTime utc = Instant.parse(text).atZone(ZoneOffset.UTC);
                return utc.format(DAY)
                        + (utc.toLocalTime().equals(LocalTime.MIDNIGHT) ? "" : " " + utc.format(TIME_OF_DAY) + " UTC");
            }
        } catch (DateTimeParseException notAMoment) {
            return null;
        }
        return null;
    }

    /** "requestsTransmissionToGeneralAssembly" as "requests transmission to general assembly". */
    private static String words(String fieldId) {
        return WORD_BOUNDARY.splitAsStream(fieldId).filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "));
    }

    private static boolean startsWithVowel(String word) {
        return "AEIOUaeiou".indexOf(word.charAt(0)) >= 0;
    }

    private static boolean hasValue(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** A scalar field as text; null when absent, null in JSON, blank, or not a scalar. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.path(field);
        if (!hasValue(value) || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return present(text) ? text.strip() : null;
    }

    private static Map.Entry<String, Function<Event, String>> sentence(Class<? extends CampaignEvent> type,
                                                                       Function<Event, String> sentence) {
        return Map.entry(type.getSimpleName(), sentence);
    }

    /** What every sentence reads: who acted, the payload, and the task names. */
    private record Event(String actor, JsonNode payload, Function<String, String> taskName) {

        /** The acting user, or null when the engine acted or no actor was recorded. */
        String person() {
            return present(actor) && !Actors.ENGINE.equals(actor.strip()) ? actor.strip() : null;
        }

        String subject() {
            return person() != null ? person() : WORKFLOW;
        }

        String text(String field) {
            return EventSentences.text(payload, field);
        }

        String task() {
            String key = text("taskKey");
            if (key == null) {
                return "a task";
            }
            String name = taskName.apply(key);
            return present(name) ? name : key;
        }
    }
}
