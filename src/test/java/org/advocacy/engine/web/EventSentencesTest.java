package org.advocacy.engine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.advocacy.engine.audit.History;
import org.advocacy.engine.campaign.CampaignEvent;
import org.advocacy.engine.campaign.CampaignEvent.CampaignClosed;
import org.advocacy.engine.campaign.CampaignEvent.CampaignLaunched;
import org.advocacy.engine.campaign.CampaignEvent.EscalationRaised;
import org.advocacy.engine.campaign.CampaignEvent.OutcomeRecorded;
import org.advocacy.engine.campaign.CampaignEvent.StepCompleted;
import org.advocacy.engine.campaign.CampaignEvent.TaskAssigned;
import org.advocacy.engine.campaign.CampaignEvent.TaskCancelled;
import org.advocacy.engine.campaign.CampaignEvent.TaskClaimed;
import org.advocacy.engine.campaign.CampaignEvent.TaskOpened;
import org.advocacy.engine.campaign.CampaignEvent.TaskReleased;
import org.advocacy.engine.campaign.CampaignEvent.VoteCast;
import org.advocacy.engine.campaign.CampaignEvent.VoteRecorded;
import org.advocacy.engine.votes.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Sentences for the events of the 2014 follow-up of the DPRK Commission of Inquiry report. */
class EventSentencesTest {

    /** As the event store writes payloads: dates and instants as ISO text. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String CAMPAIGN = "dprk-2014";
    private static final String FALLBACK_SEPARATOR = ": ";

    private static final Map<String, String> TASK_NAMES = Map.of(
            "draft-hrc-resolution", "Draft the HRC resolution",
            "record-hrc-vote", "Record the HRC vote",
            "file-agenda-request", "File the request for a Council meeting",
            "review-campaign", "Review the campaign",
            "propose-out-of-cycle-ga-resolution", "Propose an out-of-cycle General Assembly resolution");
    private static final Function<String, String> TASK_NAME = TASK_NAMES::get;

    private static final CampaignLaunched LAUNCHED = new CampaignLaunched(CAMPAIGN, "coi-follow-up",
            "DPRK COI follow-up 2014", ordered("title", "DPRK COI follow-up 2014", "reportSymbol", "A/HRC/25/63",
            "publishedOn", LocalDate.of(2014, 2, 17)), LocalDate.of(2014, 2, 17));
    private static final TaskOpened DRAFT_OPENED = new TaskOpened(CAMPAIGN, "task-1", "draft-hrc-resolution",
            "Draft the HRC resolution", "hrc-resolution", "COORDINATOR", null);
    private static final TaskClaimed DRAFT_CLAIMED =
            new TaskClaimed(CAMPAIGN, "task-1", "draft-hrc-resolution", "coordinator");
    private static final TaskAssigned VOTE_ASSIGNED =
            new TaskAssigned(CAMPAIGN, "task-2", "record-hrc-vote", "geneva-desk", "coordinator");
    private static final TaskReleased VOTE_RELEASED =
            new TaskReleased(CAMPAIGN, "task-2", "record-hrc-vote", "geneva-desk");
    private static final StepCompleted DRAFT_COMPLETED = new StepCompleted(CAMPAIGN, "task-1",
            "draft-hrc-resolution", "hrc-resolution", ordered("leadSponsors", List.of("Japan", "European Union"),
            "endorsesFindings", true, "requestsTransmissionToGeneralAssembly", true,
            "createsFieldStructure", true), null);
    private static final Map<String, Object> HRC_VOTE =
            ordered("date", "2014-03-28", "symbol", "A/HRC/RES/25/25", "adoptedWithoutVote", false,
                    "inFavour", 30, "against", 6, "abstaining", 11);
    private static final VoteRecorded HRC_VOTE_RECORDED =
            new VoteRecorded(CAMPAIGN, "task-2", "record-hrc-vote", "hrc", "hrc", HRC_VOTE, Outcome.ADOPTED);
    private static final OutcomeRecorded AGENDA_NOT_HELD = new OutcomeRecorded(CAMPAIGN, "councilAgenda",
            Outcome.NOT_HELD, "the requesters withdrew the request");
    private static final EscalationRaised SIX_MONTHS = new EscalationRaised(CAMPAIGN, "escalation-timer",
            "Six months without a Council meeting");
    private static final TaskCancelled PROPOSAL_CANCELLED = new TaskCancelled(CAMPAIGN, "task-9",
            "propose-out-of-cycle-ga-resolution", "the Council held its meeting");
    private static final CampaignClosed CLOSED = new CampaignClosed(CAMPAIGN, ordered("hrc", Outcome.ADOPTED,
            "thirdCommittee", Outcome.ADOPTED, "plenary", Outcome.ADOPTED, "councilAgenda", Outcome.ADOPTED));

    private static final CampaignEvent.CampaignSuspended SUSPENDED = new CampaignEvent.CampaignSuspended(CAMPAIGN,
            "Awaiting the Council's programme of work");
    private static final CampaignEvent.CampaignResumed RESUMED = new CampaignEvent.CampaignResumed(CAMPAIGN);
    private static final CampaignEvent.CampaignCancelled CANCELLED = new CampaignEvent.CampaignCancelled(CAMPAIGN,
            "Superseded by the 2015 campaign");

    private static final CampaignEvent.TaskDueSoon AGENDA_DUE_SOON = new CampaignEvent.TaskDueSoon(CAMPAIGN, "task-7",
            "file-agenda-request", java.time.Instant.parse("2014-11-30T23:59:59Z"));
    private static final CampaignEvent.TaskOverdue AGENDA_OVERDUE = new CampaignEvent.TaskOverdue(CAMPAIGN, "task-7",
            "file-agenda-request", java.time.Instant.parse("2014-11-30T23:59:59Z"));

    /**
     * One of each event type, as the 2014 campaign recorded them (and a manager's suspension,
     * resumption, cancellation, and the agenda request's deadline).
     */
    private static final List<CampaignEvent> ONE_OF_EACH = List.of(LAUNCHED, DRAFT_OPENED, DRAFT_CLAIMED,
            VOTE_ASSIGNED, VOTE_RELEASED, DRAFT_COMPLETED, HRC_VOTE_RECORDED, AGENDA_NOT_HELD, SIX_MONTHS,
            PROPOSAL_CANCELLED, CLOSED, SUSPENDED, RESUMED, CANCELLED, AGENDA_DUE_SOON, AGENDA_OVERDUE,
            new CampaignEvent.TemplateMigrated(CAMPAIGN, "coi-follow-up", 1, 2),
            new CampaignEvent.PositionAssessed(CAMPAIGN, "councilAgenda", "Chad", "ABSTAIN", "said so in the corridor", null),
            new CampaignEvent.ElectorateEntered(CAMPAIGN, "councilAgenda", 2015, List.of("China", "France")));

    /**
     * What follows from the path rather than from what a user did: the actor recorded on them is
     * whoever's step led there, and crediting that user would misstate who decided.
     */
    private static final Set<Class<?>> PATH_EVENTS = Set.of(TaskOpened.class, OutcomeRecorded.class,
            EscalationRaised.class, TaskCancelled.class, CampaignClosed.class, CampaignEvent.TaskDueSoon.class,
            CampaignEvent.TaskOverdue.class);

    @Test
    void every_event_type_has_its_own_sentence() {
        List<Class<?>> sampled = ONE_OF_EACH.stream().<Class<?>>map(Object::getClass).toList();
        assertThat(sampled).containsExactlyInAnyOrder(CampaignEvent.class.getPermittedSubclasses());
        for (CampaignEvent event : ONE_OF_EACH) {
            String type = event.getClass().getSimpleName();
            String sentence = describe(entry(event, "coordinator"));
            assertThat(sentence).as(type).isNotEqualTo("coordinator" + FALLBACK_SEPARATOR + type).isNotBlank();
            if (PATH_EVENTS.contains(event.getClass())) {
                assertThat(sentence).as(type).doesNotContain("coordinator");
            } else {
                assertThat(sentence).as(type).startsWith("coordinator ");
            }
        }
    }

    @Test
    void a_launch_names_title_template_and_start_fields() {
        assertThat(describe(entry(LAUNCHED, "coordinator"))).isEqualTo("coordinator started the campaign "
                + "“DPRK COI follow-up 2014” from template coi-follow-up "
                + "(report symbol: A/HRC/25/63; published on: 17 February 2014)");
    }

    @Test
    void an_opened_task_is_the_workflows_doing_with_its_forum_role_and_due_date() {
        assertThat(describe(entry(DRAFT_OPENED, "coordinator"))).isEqualTo(
                "the workflow opened the task Draft the HRC resolution (hrc-resolution) for a COORDINATOR");
        TaskOpened review = new TaskOpened(CAMPAIGN, "task-12", "review-campaign", null, "coi-follow-up",
                "MANAGER", Instant.parse("2015-01-31T00:00:00Z"));
        assertThat(describe(entry(review, "engine"))).isEqualTo(
                "the workflow opened the task Review the campaign (coi-follow-up) for a MANAGER, due 31 January 2015");
        TaskOpened adminTask = new TaskOpened(CAMPAIGN, "task-13", "check", "Check", null, "ADMIN",
                Instant.parse("2015-01-31T14:30:00Z"));
        assertThat(describe(entry(adminTask, "engine")))
                .isEqualTo("the workflow opened the task Check for an ADMIN, due 31 January 2015 14:30 UTC");
    }

    @Test
    void a_claim_names_the_claimer_and_the_task() {
        assertThat(describe(entry(DRAFT_CLAIMED, "coordinator"))).isEqualTo("coordinator claimed Draft the HRC resolution");
        assertThat(EventSentences.describe(entry(DRAFT_CLAIMED, "coordinator"), key -> null))
                .isEqualTo("coordinator claimed draft-hrc-resolution");
        assertThat(describe(entry(DRAFT_CLAIMED, null)))
                .as("an event without its actor: the assignee claimed it").isEqualTo("coordinator claimed Draft the HRC resolution");
    }

    @Test
    void an_assignment_names_the_new_and_the_previous_assignee() {
        assertThat(describe(entry(VOTE_ASSIGNED, "manager")))
                .isEqualTo("manager assigned Record the HRC vote to geneva-desk instead of coordinator");
        TaskAssigned first = new TaskAssigned(CAMPAIGN, "task-2", "record-hrc-vote", "geneva-desk", null);
        assertThat(describe(entry(first, "manager"))).isEqualTo("manager assigned Record the HRC vote to geneva-desk");
    }

    @Test
    void a_release_names_who_held_the_task_when_someone_else_released_it() {
        assertThat(describe(entry(VOTE_RELEASED, "manager")))
                .isEqualTo("manager released Record the HRC vote that geneva-desk held");
        assertThat(describe(entry(VOTE_RELEASED, "geneva-desk"))).isEqualTo("geneva-desk released Record the HRC vote");
    }

    @Test
    void a_completed_step_lists_its_fields_readably() {
        assertThat(describe(entry(DRAFT_COMPLETED, "coordinator"))).isEqualTo("coordinator completed "
                + "Draft the HRC resolution: lead sponsors: Japan, European Union; endorses findings: yes; "
                + "requests transmission to general assembly: yes; creates field structure: yes");
    }

    @Test
    void long_lists_and_texts_are_cut_and_dates_are_written_out() {
        StepCompleted request = new StepCompleted(CAMPAIGN, "task-7", "file-agenda-request", "unsc-agenda",
                ordered("date", LocalDate.of(2014, 12, 5), "signatories", List.of("Australia", "Chile", "France",
                        "Jordan", "Lithuania", "Luxembourg", "Republic of Korea", "Rwanda", "United Kingdom",
                        "United States"), "symbol", "S/2014/872", "withdrawn", false), null);
        assertThat(describe(entry(request, "coordinator"))).isEqualTo("coordinator completed "
                + "File the request for a Council meeting: date: 5 December 2014; "
                + "signatories: Australia, Chile, France, Jordan, Lithuania and 5 more; symbol: S/2014/872; withdrawn: no");

        String summary = "All three forums acted on the COI report in 2014: the Human Rights Council adopted "
                + "resolution 25/25, the General Assembly resolution 69/188, and the Security Council put the "
                + "situation in the DPRK on its agenda.";
        StepCompleted review = new StepCompleted(CAMPAIGN, "task-12", "review-campaign", "coi-follow-up",
                Map.of("summary", summary), null);
        String sentence = describe(entry(review, "manager"));
        String shownSummary = sentence.substring("manager completed Review the campaign: summary: ".length());
        assertThat(shownSummary).endsWith("…").hasSizeLessThanOrEqualTo(120);
        assertThat(summary).startsWith(shownSummary.substring(0, shownSummary.length() - 1));
    }

    @Test
    void a_vote_step_names_the_vote_and_leaves_the_counts_to_the_vote_recorded() {
        StepCompleted vote = new StepCompleted(CAMPAIGN, "task-2", "record-hrc-vote", "hrc-resolution", HRC_VOTE,
                new VoteCast("hrc", "hrc"));
        assertThat(describe(entry(vote, "coordinator"))).isEqualTo("coordinator submitted the HRC vote");
    }

    @Test
    void a_counted_vote_gives_its_date_symbol_counts_and_outcome() {
        assertThat(describe(entry(HRC_VOTE_RECORDED, "coordinator"))).isEqualTo("coordinator recorded the HRC vote "
                + "of 28 March 2014 on A/HRC/RES/25/25: 30 in favour, 6 against, 11 abstaining, ADOPTED");
        VoteRecorded undated = new VoteRecorded(CAMPAIGN, "task-2", "record-hrc-vote", "hrc", "hrc",
                ordered("adoptedWithoutVote", false, "inFavour", 30, "against", 6, "abstaining", 11), Outcome.ADOPTED);
        assertThat(describe(entry(undated, "coordinator")))
                .isEqualTo("coordinator recorded the HRC vote: 30 in favour, 6 against, 11 abstaining, ADOPTED");
    }

    @Test
    void a_vote_without_a_vote_says_so() {
        VoteRecorded consensus = new VoteRecorded(CAMPAIGN, "task-2", "record-hrc-vote", "hrc", "hrc",
                ordered("adoptedWithoutVote", true), Outcome.ADOPTED);
        assertThat(describe(entry(consensus, "coordinator")))
                .isEqualTo("coordinator recorded the HRC vote: adopted without a vote, ADOPTED");
    }

    @Test
    void a_council_agenda_vote_is_procedural_and_names_no_veto() {
        Map<String, Object> agenda = ordered("date", "2014-12-22", "symbol", "S/PV.7353", "adoptedWithoutVote", false,
                "inFavour", 11, "against", 2, "abstaining", 2,
                "permanentMembersAgainst", List.of("China", "Russian Federation"),
                "votes", ordered("Argentina", "YES", "China", "NO", "Chad", "ABSTAIN"));
        VoteRecorded vote = new VoteRecorded(CAMPAIGN, "task-8", "record-procedural-vote", "councilAgenda",
                "councilAgenda", agenda, Outcome.ADOPTED);
        assertThat(describe(entry(vote, "coordinator"))).isEqualTo("coordinator recorded the Security Council "
                + "procedural vote on the agenda of 22 December 2014 on S/PV.7353: 11 in favour, 2 against, 2 abstaining, ADOPTED");
    }

    @Test
    void a_vetoed_council_vote_names_the_permanent_members_against() {
        // The draft referral of Syria to the ICC, 22 May 2014: 13 in favour, vetoed.
        Map<String, Object> referral = ordered("date", "2014-05-22", "symbol", "s/2014/348", "adoptedWithoutVote", false,
                "inFavour", 13, "against", 2, "abstaining", 0,
                "permanentMembersAgainst", List.of("China", "Russian Federation"));
        VoteRecorded vote = new VoteRecorded(CAMPAIGN, "task-11", "record-council-vote", "councilResolution",
                "councilResolution", referral, Outcome.VETOED);
        assertThat(describe(entry(vote, "coordinator"))).isEqualTo("coordinator recorded the Security Council vote "
                + "on the draft resolution of 22 May 2014 on S/2014/348: 13 in favour, 2 against, 0 abstaining, "
                + "VETOED by China, Russian Federation");
    }

    @ParameterizedTest(name = "rule {0} for outcome {1} is called {2}")
    @CsvSource(nullValues = "NONE", value = {
            "hrc, hrc, HRC vote",
            "thirdCommittee, thirdCommittee, Third Committee vote",
            "plenary, plenary, General Assembly plenary vote",
            "councilAgenda, councilAgenda, Security Council procedural vote on the agenda",
            "councilResolution, councilResolution, Security Council vote on the draft resolution",
            "upr, uprAdoption, uprAdoption vote",
            "NONE, uprAdoption, uprAdoption vote",
            "upr, NONE, upr vote",
            "NONE, NONE, vote"})
    void votes_are_named_by_their_rule(String rule, String outcomeKey, String name) {
        assertThat(EventSentences.voteName(rule, outcomeKey)).isEqualTo(name);
    }

    @Test
    void an_outcome_of_the_path_gives_its_reason() {
        assertThat(describe(entry(AGENDA_NOT_HELD, "coordinator")))
                .isEqualTo("the outcome of councilAgenda is NOT_HELD: the requesters withdrew the request");
    }

    @Test
    void an_escalation_is_named() {
        assertThat(describe(entry(SIX_MONTHS, "engine"))).isEqualTo("escalation: Six months without a Council meeting");
    }

    @Test
    void a_cancelled_task_gives_its_reason() {
        assertThat(describe(entry(PROPOSAL_CANCELLED, "coordinator"))).isEqualTo("the workflow cancelled "
                + "Propose an out-of-cycle General Assembly resolution (the Council held its meeting)");
    }

    @Test
    void a_closed_campaign_lists_its_outcomes() {
        assertThat(describe(entry(CLOSED, "manager"))).isEqualTo("the campaign closed: "
                + "hrc ADOPTED, thirdCommittee ADOPTED, plenary ADOPTED, councilAgenda ADOPTED");
    }

    @Test
    void the_engine_or_a_missing_actor_is_the_workflow() {
        assertThat(describe(entry(DRAFT_COMPLETED, "engine"))).startsWith("the workflow completed ");
        assertThat(describe(entry(VOTE_RELEASED, null))).isEqualTo("the workflow released Record the HRC vote that geneva-desk held");
        assertThat(describe(entry(LAUNCHED, " "))).startsWith("the workflow started ");
    }

    @Test
    void an_unknown_type_names_actor_and_type() {
        assertThat(describe(entry("CampaignArchived", "admin", JSON.createObjectNode())))
                .isEqualTo("admin: CampaignArchived");
        assertThat(describe(entry("CampaignArchived", "engine", null))).isEqualTo("the workflow: CampaignArchived");
        assertThat(describe(entry(null, null, null))).isEqualTo("the workflow: an event");
    }

    static Stream<String> eventTypes() {
        return Arrays.stream(CampaignEvent.class.getPermittedSubclasses()).map(Class::getSimpleName);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void old_or_partial_payloads_still_give_a_sentence(String type) {
        ObjectNode nulls = JSON.createObjectNode();
        List.of("campaignId", "taskId", "taskKey", "name", "forum", "role", "due", "assignee", "previousAssignee",
                "fields", "vote", "outcomeKey", "rule", "outcome", "symbol", "reason", "escalationId", "outcomes",
                "title", "template", "origin").forEach(nulls::putNull);
        ObjectNode wrongShapes = JSON.createObjectNode();
        wrongShapes.putArray("taskKey").add("x");
        wrongShapes.put("fields", "not an object");
        wrongShapes.put("vote", 7);
        wrongShapes.putObject("outcome");
        wrongShapes.put("due", "2014-13-45T99:00:00Z");
        wrongShapes.putObject("outcomes").putNull("hrc");
        for (JsonNode payload : Arrays.asList(null, JSON.createObjectNode(), nulls, wrongShapes, JSON.nullNode())) {
            History.Entry entry = entry(type, null, payload);
            assertThatCode(() -> describe(entry)).as("%s with %s", type, payload).doesNotThrowAnyException();
            assertThat(describe(entry)).as("%s with %s", type, payload)
                    .isNotBlank().doesNotContain("null").isNotEqualTo("the workflow: " + type);
            assertThat(EventSentences.describe(entry, null)).isNotBlank();
        }
    }

    @Test
    void a_vote_with_missing_parts_still_reads() {
        ObjectNode payload = JSON.createObjectNode().put("outcomeKey", "plenary").put("outcome", "VETOED");
        payload.putObject("vote").put("inFavour", 116).putNull("against");
        assertThat(describe(entry("VoteRecorded", "coordinator", payload)))
                .isEqualTo("coordinator recorded the plenary vote: 116 in favour, VETOED");
    }

    private static String describe(History.Entry entry) {
        return EventSentences.describe(entry, TASK_NAME);
    }

    private static History.Entry entry(CampaignEvent event, String actor) {
        return entry(event.getClass().getSimpleName(), actor, JSON.valueToTree(event));
    }

    private static History.Entry entry(String type, String actor, JsonNode payload) {
        return new History.Entry(CAMPAIGN, 3, type, Instant.parse("2014-03-28T15:00:00Z"), actor, null, payload,
                JSON.createObjectNode().put("actor", actor), "00");
    }

    /** A map that keeps the order in which the fields were given, as the recorded payloads do. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            map.put((String) keysAndValues[index], (V) keysAndValues[index + 1]);
        }
        return map;
    }

    @Test
    void a_managers_suspension_resumption_and_cancellation_read_with_their_reasons() {
        assertThat(describe(entry(SUSPENDED, "manager")))
                .isEqualTo("manager suspended the campaign: Awaiting the Council's programme of work");
        assertThat(describe(entry(RESUMED, "manager"))).isEqualTo("manager resumed the campaign");
        assertThat(describe(entry(CANCELLED, "manager")))
                .isEqualTo("manager cancelled the campaign: Superseded by the 2015 campaign");
    }

    @Test
    void a_reminder_and_an_overdue_task_read_with_their_due_date() {
        assertThat(describe(entry(AGENDA_DUE_SOON, "coordinator")))
                .isEqualTo("reminder: File the request for a Council meeting is due by 30 November 2014 23:59 UTC");
        assertThat(describe(entry(AGENDA_OVERDUE, "coordinator")))
                .isEqualTo("File the request for a Council meeting is overdue: it was due by 30 November 2014 23:59 UTC");
    }
}
