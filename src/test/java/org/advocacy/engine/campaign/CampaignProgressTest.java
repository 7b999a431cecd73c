package org.advocacy.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.advocacy.engine.campaign.CampaignEvent.CampaignClosed;
import org.advocacy.engine.campaign.CampaignEvent.CampaignLaunched;
import org.advocacy.engine.campaign.CampaignEvent.EscalationRaised;
import org.advocacy.engine.campaign.CampaignEvent.OutcomeRecorded;
import org.advocacy.engine.campaign.CampaignEvent.StepCompleted;
import org.advocacy.engine.campaign.CampaignEvent.TaskCancelled;
import org.advocacy.engine.campaign.CampaignEvent.TaskClaimed;
import org.advocacy.engine.campaign.CampaignEvent.TaskOpened;
import org.advocacy.engine.campaign.CampaignEvent.VoteCast;
import org.advocacy.engine.campaign.CampaignEvent.VoteRecorded;
import org.advocacy.engine.votes.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fold of a campaign's events, on the 2014 follow-up of the commission of inquiry on the
 * Democratic People's Republic of Korea (report A/HRC/25/63 of 17 February 2014).
 */
class CampaignProgressTest {

    private static final String CAMPAIGN = "dprk-2014";
    private static final String TEMPLATE = "coi-follow-up";
    private static final String TITLE =
            "Follow-up of the commission of inquiry on human rights in the Democratic People's Republic of Korea";
    private static final LocalDate REPORT = LocalDate.of(2014, 2, 17);

    private static final String MAIN = "coi-follow-up";
    private static final String HRC = "hrc-resolution";
    private static final String UNGA = "unga-resolution";
    private static final String UNSC = "unsc-agenda";

    /** An event with the time at which it happened; its sequence is its position in the list. */
    private record Timed(CampaignEvent event, Instant at) {
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> vote(String date, String symbol, int inFavour, int against, int abstaining) {
        return fields("date", date, "symbol", symbol, "adoptedWithoutVote", false,
                "inFavour", inFavour, "against", against, "abstaining", abstaining);
    }

    private static final Map<String, Object> HRC_VOTE = vote("2014-03-28", "A/HRC/RES/25/25", 30, 6, 11);
    private static final Map<String, Object> THIRD_COMMITTEE_VOTE =
            vote("2014-11-18", "A/C.3/69/L.28/Rev.1", 111, 19, 55);
    private static final Map<String, Object> PLENARY_VOTE = vote("2014-12-18", "A/RES/69/188", 116, 20, 53);
    private static final Map<String, Object> AGENDA_VOTE;

    static {
        Map<String, Object> agenda = vote("2014-12-22", "S/PV.7353", 11, 2, 2);
        agenda.put("permanentMembersAgainst", List.of("China", "Russian Federation"));
        AGENDA_VOTE = agenda;
    }

    private static final Instant LAUNCHED_AT = at("2014-02-17T09:00:00Z");
    private static final Instant HRC_VOTE_OPENED_AT = at("2014-03-21T10:00:00Z");
    private static final Instant HRC_VOTE_DUE = at("2014-03-28T17:00:00Z");
    private static final Instant UNGA_DRAFT_OPENED_AT = at("2014-03-28T16:30:00Z");
    private static final Instant ARRIA_CLAIMED_AT = at("2014-04-01T08:00:00Z");
    private static final Instant CLOSED_AT = at("2015-01-15T12:00:00Z");

    /** The campaign from launch to close, as the engine records it. */
    private static final List<Timed> DPRK = List.of(
            /* 0 */ new Timed(new CampaignLaunched(CAMPAIGN, TEMPLATE, TITLE,
                    fields("reportSymbol", "A/HRC/25/63", "publishedOn", "2014-02-17"), REPORT), LAUNCHED_AT),
            /* 1 */ new Timed(new TaskOpened(CAMPAIGN, "task-101", "draft-hrc-resolution", "Draft the HRC resolution",
                    HRC, "COORDINATOR", null), LAUNCHED_AT),
            /* 2 */ new Timed(new TaskClaimed(CAMPAIGN, "task-101", "draft-hrc-resolution", "coordinator"),
                    at("2014-02-18T09:00:00Z")),
            /* 3 */ new Timed(new StepCompleted(CAMPAIGN, "task-101", "draft-hrc-resolution", HRC,
                    fields("leadSponsors", List.of("European Union", "Japan"), "endorsesFindings", true,
                            "requestsTransmissionToGeneralAssembly", true, "createsFieldStructure", true), null),
                    HRC_VOTE_OPENED_AT),
            /* 4 */ new Timed(new TaskOpened(CAMPAIGN, "task-102", "record-hrc-vote", "Record the HRC vote", HRC,
                    "COORDINATOR", HRC_VOTE_DUE), HRC_VOTE_OPENED_AT),
            /* 5 */ new Timed(new StepCompleted(CAMPAIGN, "task-102", "record-hrc-vote", HRC, HRC_VOTE,
                    new VoteCast("hrc", "hrc")), at("2014-03-28T16:30:00Z")),
            /* 6 */ new Timed(new VoteRecorded(CAMPAIGN, "task-102", "record-hrc-vote", "hrc", "hrc", HRC_VOTE,
                    Outcome.ADOPTED), UNGA_DRAFT_OPENED_AT),
            /* 7 */ new Timed(new TaskOpened(CAMPAIGN, "task-301", "draft-unga-resolution",
                    "Draft the General Assembly resolution", UNGA, "COORDINATOR", null), UNGA_DRAFT_OPENED_AT),
            /* 8 */ new Timed(new TaskOpened(CAMPAIGN, "task-201", "convene-arria-meeting",
                    "Convene an Arria-formula meeting", UNSC, "COORDINATOR", null), UNGA_DRAFT_OPENED_AT),
            /* 9 */ new Timed(new TaskClaimed(CAMPAIGN, "task-201", "convene-arria-meeting", "coordinator"),
                    ARRIA_CLAIMED_AT),
            /* 10 */ new Timed(new StepCompleted(CAMPAIGN, "task-201", "convene-arria-meeting", UNSC,
                    fields("held", true, "date", "2014-04-17",
                            "conveners", List.of("Australia", "France", "United States")), null),
                    at("2014-04-17T18:00:00Z")),
            /* 11 */ new Timed(new TaskOpened(CAMPAIGN, "task-202", "file-agenda-request",
                    "File the request for a Council meeting", UNSC, "COORDINATOR", null), at("2014-04-17T18:00:00Z")),
            /* 12 */ new Timed(new EscalationRaised(CAMPAIGN, "escalation-timer",
                    "Six months without a Council meeting"), at("2014-09-28T00:00:00Z")),
            /* 13 */ new Timed(new TaskOpened(CAMPAIGN, "task-203", "propose-out-of-cycle-ga-resolution",
                    "Propose an out-of-cycle General Assembly resolution", UNSC, "COORDINATOR", null),
                    at("2014-09-28T00:00:00Z")),
            /* 14 */ new Timed(new StepCompleted(CAMPAIGN, "task-301", "draft-unga-resolution", UNGA,
                    fields("coSponsors", List.of("European Union", "Japan"), "endorsesFindings", true,
                            "encouragesIccReferral", true), null), at("2014-10-22T15:00:00Z")),
            /* 15 */ new Timed(new TaskOpened(CAMPAIGN, "task-302", "record-third-committee-vote",
                    "Record the Third Committee vote", UNGA, "COORDINATOR", null), at("2014-10-22T15:00:00Z")),
            /* 16 */ new Timed(new StepCompleted(CAMPAIGN, "task-302", "record-third-committee-vote", UNGA,
                    THIRD_COMMITTEE_VOTE, new VoteCast("thirdCommittee", "thirdCommittee")),
                    at("2014-11-18T20:00:00Z")),
            /* 17 */ new Timed(new VoteRecorded(CAMPAIGN, "task-302", "record-third-committee-vote", "thirdCommittee",
                    "thirdCommittee", THIRD_COMMITTEE_VOTE, Outcome.ADOPTED), at("2014-11-18T20:00:00Z")),
            /* 18 */ new Timed(new TaskOpened(CAMPAIGN, "task-303", "record-plenary-vote", "Record the plenary vote",
                    UNGA, "COORDINATOR", null), at("2014-11-18T20:00:00Z")),
            /* 19 */ new Timed(new StepCompleted(CAMPAIGN, "task-203", "propose-out-of-cycle-ga-resolution", UNSC,
                    fields("decision", "DECLINE", "note", "The General Assembly track is under way"), null),
                    at("2014-11-20T10:00:00Z")),
            /* 20 */ new Timed(new StepCompleted(CAMPAIGN, "task-202", "file-agenda-request", UNSC,
                    fields("date", "2014-12-05", "symbol", "S/2014/872", "signatories",
                            List.of("Australia", "Chile", "France", "Jordan", "Lithuania", "Luxembourg",
                                    "Republic of Korea", "Rwanda", "United Kingdom", "United States")), null),
                    at("2014-12-05T16:00:00Z")),
            /* 21 */ new Timed(new TaskOpened(CAMPAIGN, "task-204", "record-procedural-vote",
                    "Record the procedural vote on the agenda", UNSC, "COORDINATOR", null), at("2014-12-05T16:00:00Z")),
            /* 22 */ new Timed(new StepCompleted(CAMPAIGN, "task-303", "record-plenary-vote", UNGA, PLENARY_VOTE,
                    new VoteCast("plenary", "plenary")), at("2014-12-18T21:00:00Z")),
            /* 23 */ new Timed(new VoteRecorded(CAMPAIGN, "task-303", "record-plenary-vote", "plenary", "plenary",
                    PLENARY_VOTE, Outcome.ADOPTED), at("2014-12-18T21:00:00Z")),
            /* 24 */ new Timed(new StepCompleted(CAMPAIGN, "task-204", "record-procedural-vote", UNSC, AGENDA_VOTE,
                    new VoteCast("councilAgenda", "councilAgenda")), at("2014-12-22T16:00:00Z")),
            /* 25 */ new Timed(new VoteRecorded(CAMPAIGN, "task-204", "record-procedural-vote", "councilAgenda",
                    "councilAgenda", AGENDA_VOTE, Outcome.ADOPTED), at("2014-12-22T16:00:00Z")),
            /* 26 */ new Timed(new TaskOpened(CAMPAIGN, "task-205", "hold-council-meeting", "Hold the Council meeting",
                    UNSC, "COORDINATOR", null), at("2014-12-22T16:00:00Z")),
            /* 27 */ new Timed(new StepCompleted(CAMPAIGN, "task-205", "hold-council-meeting", UNSC,
                    fields("date", "2014-12-22", "tableResolution", false), null), at("2014-12-22T19:00:00Z")),
            /* 28 */ new Timed(new TaskOpened(CAMPAIGN, "task-401", "review-campaign", "Review the campaign", MAIN,
                    "MANAGER", null), at("2014-12-22T19:00:00Z")),
            /* 29 */ new Timed(new StepCompleted(CAMPAIGN, "task-401", "review-campaign", MAIN,
                    fields("summary", "The Council placed the situation in the DPRK on its agenda"), null), CLOSED_AT),
            /* 30 */ new Timed(new CampaignClosed(CAMPAIGN, fourAdopted()), CLOSED_AT));

    private static Map<String, Outcome> fourAdopted() {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put("hrc", Outcome.ADOPTED);
        outcomes.put("thirdCommittee", Outcome.ADOPTED);
        outcomes.put("plenary", Outcome.ADOPTED);
        outcomes.put("councilAgenda", Outcome.ADOPTED);
        return outcomes;
    }

    /** Folds {@code events} from index {@code from} (inclusive) to {@code to} (exclusive) into {@code progress}. */
    private static CampaignProgress fold(CampaignProgress progress, List<Timed> events, int from, int to) {
        for (int sequence = from; sequence < to; sequence++) {
            progress.apply(events.get(sequence).event(), sequence, events.get(sequence).at());
        }
        return progress;
    }

    /** The first {@code count} events of the DPRK campaign, folded. */
    private static CampaignProgress dprkAfter(int count) {
        return fold(new CampaignProgress(), DPRK, 0, count);
    }

    private static List<String> activeTaskIds(CampaignProgress progress) {
        return progress.snapshot().activeTasks().stream().map(ActiveTask::id).toList();
    }

    // ---------------------------------------------------------------- status, identity, sequence

    @Test
    void a_suspension_shows_with_its_reason_until_resumed_and_a_cancellation_ends_the_campaign() {
        CampaignProgress progress = dprkAfter(10);
        String stage = progress.stage();
        Instant later = Instant.parse("2014-06-01T09:00:00Z");

        progress.apply(new CampaignEvent.CampaignSuspended(CAMPAIGN, "Awaiting the programme of work"), 10, later);
        assertThat(progress.status()).isEqualTo(CampaignStatus.SUSPENDED);
        assertThat(progress.snapshot().statusReason()).isEqualTo("Awaiting the programme of work");
        assertThat(progress.stage()).isEqualTo(stage);
        assertThat(CampaignProgress.of(progress.snapshot()).statusReason()).isEqualTo("Awaiting the programme of work");

        progress.apply(new CampaignEvent.CampaignResumed(CAMPAIGN), 11, later);
        assertThat(progress.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(progress.snapshot().statusReason()).isNull();

        progress.apply(new CampaignEvent.CampaignCancelled(CAMPAIGN, "Superseded"), 12, later);
        assertThat(progress.status()).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(progress.status().ended()).isTrue();
        assertThat(progress.stage()).isEqualTo("cancelled");
        assertThat(progress.snapshot().statusReason()).isEqualTo("Superseded");
    }

    @Test
    void a_fold_of_no_events_is_an_active_campaign_with_nothing_under_way() {
        CampaignProgress progress = new CampaignProgress();

        assertThat(progress.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(progress.outcomes()).isEmpty();
        assertThat(progress.stage()).isEmpty();
        assertThat(progress.lastSequence()).isEqualTo(-1);
        assertThat(progress.snapshot().activeTasks()).isEmpty();
    }

    @Test
    void a_launch_gives_the_campaign_its_identity_and_start_time() {
        CampaignProgress progress = dprkAfter(1);

        assertThat(progress.campaignId()).isEqualTo(CAMPAIGN);
        assertThat(progress.origin()).isEqualTo(REPORT);
        assertThat(progress.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(progress.lastSequence()).isZero();
        CampaignSnapshot snapshot = progress.snapshot();
        assertThat(snapshot.id()).isEqualTo(CAMPAIGN);
        assertThat(snapshot.title()).isEqualTo(TITLE);
        assertThat(snapshot.template()).isEqualTo(TEMPLATE);
        assertThat(snapshot.fields()).containsExactly(
                Map.entry("reportSymbol", "A/HRC/25/63"), Map.entry("publishedOn", "2014-02-17"));
        assertThat(snapshot.launchedAt()).isEqualTo(LAUNCHED_AT);
        assertThat(snapshot.updatedAt()).isEqualTo(LAUNCHED_AT);
        assertThat(snapshot.lastSequence()).isZero();
    }

    @Test
    void each_event_moves_the_last_sequence_and_the_update_time_on() {
        for (int count = 1; count <= DPRK.size(); count++) {
            CampaignSnapshot snapshot = dprkAfter(count).snapshot();

            assertThat(snapshot.lastSequence()).as("after %d events", count).isEqualTo(count - 1);
            assertThat(snapshot.updatedAt()).as("after %d events", count).isEqualTo(DPRK.get(count - 1).at());
            assertThat(snapshot.launchedAt()).as("after %d events", count).isEqualTo(LAUNCHED_AT);
        }
    }

    @Test
    void the_campaign_stays_active_until_it_closes_and_then_is_closed() {
        assertThat(dprkAfter(DPRK.size() - 1).status()).isEqualTo(CampaignStatus.ACTIVE);

        CampaignProgress closed = dprkAfter(DPRK.size());

        assertThat(closed.status()).isEqualTo(CampaignStatus.CLOSED);
        assertThat(closed.lastSequence()).isEqualTo(30);
        assertThat(closed.snapshot().updatedAt()).isEqualTo(CLOSED_AT);
    }

    // ---------------------------------------------------------------- active tasks

    @Test
    void an_opened_task_is_active_since_the_time_of_its_event_and_unassigned() {
        CampaignProgress progress = dprkAfter(5);

        assertThat(progress.activeTask("task-102")).isEqualTo(new ActiveTask("task-102", "record-hrc-vote",
                "Record the HRC vote", HRC, "COORDINATOR", null, HRC_VOTE_OPENED_AT, HRC_VOTE_DUE));
        assertThat(activeTaskIds(progress)).containsExactly("task-102");
    }

    @Test
    void a_claimed_task_has_its_assignee_and_keeps_its_creation_time() {
        CampaignProgress progress = dprkAfter(10);

        assertThat(progress.activeTask("task-201")).isEqualTo(new ActiveTask("task-201", "convene-arria-meeting",
                "Convene an Arria-formula meeting", UNSC, "COORDINATOR", "coordinator", UNGA_DRAFT_OPENED_AT, null));
        assertThat(progress.activeTask("task-201").createdAt()).isNotEqualTo(ARRIA_CLAIMED_AT);
    }

    @Test
    void a_claim_keeps_the_task_in_its_place_among_the_active_tasks() {
        CampaignProgress progress = dprkAfter(10);

        assertThat(activeTaskIds(progress)).containsExactly("task-301", "task-201");
        assertThat(progress.snapshot().activeTasks()).extracting(ActiveTask::assignee)
                .containsExactly(null, "coordinator");
    }

    @Test
    void a_claim_of_a_task_that_is_not_active_opens_nothing() {
        CampaignProgress progress = dprkAfter(1);

        progress.apply(new TaskClaimed(CAMPAIGN, "task-999", "record-hrc-vote", "coordinator"), 1,
                at("2014-02-18T09:00:00Z"));

        assertThat(progress.activeTask("task-999")).isNull();
        assertThat(progress.snapshot().activeTasks()).isEmpty();
        assertThat(progress.lastSequence()).isEqualTo(1);
    }

    @Test
    void a_completed_step_is_no_longer_active() {
        CampaignProgress progress = dprkAfter(4);

        assertThat(progress.activeTask("task-101")).isNull();
        assertThat(progress.snapshot().activeTasks()).isEmpty();
    }

    @Test
    void a_cancelled_task_is_no_longer_active() {
        CampaignProgress progress = dprkAfter(14);
        assertThat(progress.activeTask("task-203")).isNotNull();

        progress.apply(new TaskCancelled(CAMPAIGN, "task-203", "propose-out-of-cycle-ga-resolution",
                "task deleted by the workflow"), 14, at("2014-10-01T00:00:00Z"));

        assertThat(progress.activeTask("task-203")).isNull();
        assertThat(activeTaskIds(progress)).containsExactly("task-301", "task-202");
    }

    @Test
    void the_active_tasks_follow_the_parallel_tracks() {
        assertThat(activeTaskIds(dprkAfter(9))).containsExactly("task-301", "task-201");
        assertThat(activeTaskIds(dprkAfter(14))).containsExactly("task-301", "task-202", "task-203");
        assertThat(activeTaskIds(dprkAfter(22))).containsExactly("task-303", "task-204");
        assertThat(activeTaskIds(dprkAfter(30))).isEmpty();
    }

    @Test
    void closing_ends_every_task_that_was_still_active() {
        CampaignProgress progress = dprkAfter(14);
        assertThat(activeTaskIds(progress)).hasSize(3);

        progress.apply(new CampaignClosed(CAMPAIGN, Map.of("hrc", Outcome.ADOPTED)), 14, CLOSED_AT);

        assertThat(progress.status()).isEqualTo(CampaignStatus.CLOSED);
        assertThat(progress.snapshot().activeTasks()).isEmpty();
        assertThat(progress.activeTask("task-202")).isNull();
    }

    // ---------------------------------------------------------------- stage

    @Test
    void the_stage_is_the_forum_of_the_active_task() {
        assertThat(dprkAfter(2).stage()).isEqualTo(HRC);
        assertThat(dprkAfter(5).stage()).isEqualTo(HRC);
    }

    @Test
    void the_stage_lists_the_forums_of_the_active_tasks_in_the_order_their_tasks_opened() {
        assertThat(dprkAfter(9).stage()).isEqualTo("unga-resolution, unsc-agenda");
        assertThat(dprkAfter(19).stage()).isEqualTo("unsc-agenda, unga-resolution");
        assertThat(dprkAfter(22).stage()).isEqualTo("unga-resolution, unsc-agenda");
    }

    @Test
    void the_stage_names_a_forum_once_however_many_of_its_tasks_are_active() {
        CampaignProgress progress = dprkAfter(14);

        assertThat(activeTaskIds(progress)).containsExactly("task-301", "task-202", "task-203");
        assertThat(progress.stage()).isEqualTo("unga-resolution, unsc-agenda");
    }

    @Test
    void the_stage_is_empty_between_tasks() {
        assertThat(dprkAfter(4).stage()).isEmpty();
    }

    @Test
    void the_stage_is_closed_once_the_campaign_closes() {
        assertThat(dprkAfter(29).stage()).isEqualTo(MAIN);
        assertThat(dprkAfter(30).stage()).isEmpty();
        assertThat(dprkAfter(31).stage()).isEqualTo("closed");
        assertThat(dprkAfter(31).snapshot().stage()).isEqualTo("closed");
    }

    // ---------------------------------------------------------------- outcomes

    @Test
    void the_outcomes_are_those_decided_so_far_in_the_order_first_decided() {
        assertThat(dprkAfter(6).outcomes()).isEmpty();
        assertThat(dprkAfter(7).outcomes()).containsExactly(Map.entry("hrc", Outcome.ADOPTED));
        assertThat(dprkAfter(31).outcomes()).containsExactly(
                Map.entry("hrc", Outcome.ADOPTED),
                Map.entry("thirdCommittee", Outcome.ADOPTED),
                Map.entry("plenary", Outcome.ADOPTED),
                Map.entry("councilAgenda", Outcome.ADOPTED));
    }

    @Test
    void a_later_outcome_of_the_same_key_replaces_the_earlier_one_in_its_place() {
        CampaignProgress progress = dprkAfter(1);
        Instant now = at("2014-03-28T16:30:00Z");
        progress.apply(new VoteRecorded(CAMPAIGN, "task-102", "record-hrc-vote", "hrc", "hrc",
                vote("2014-03-28", null, 6, 30, 11), Outcome.REJECTED), 1, now);
        progress.apply(new OutcomeRecorded(CAMPAIGN, "councilAgenda", Outcome.NOT_HELD, "Meeting not held"), 2, now);
        progress.apply(new VoteRecorded(CAMPAIGN, "task-105", "record-hrc-vote", "hrc", "hrc", HRC_VOTE,
                Outcome.ADOPTED), 3, now);

        assertThat(progress.outcomes()).containsExactly(
                Map.entry("hrc", Outcome.ADOPTED), Map.entry("councilAgenda", Outcome.NOT_HELD));
    }

    @Test
    void an_outcome_that_follows_from_the_path_is_recorded_like_a_vote() {
        CampaignProgress progress = dprkAfter(7);

        progress.apply(new OutcomeRecorded(CAMPAIGN, "councilAgenda", Outcome.NOT_HELD, "Meeting not held"), 7,
                at("2014-12-06T00:00:00Z"));

        assertThat(progress.outcomes()).containsExactly(
                Map.entry("hrc", Outcome.ADOPTED), Map.entry("councilAgenda", Outcome.NOT_HELD));
        assertThat(progress.snapshot().outcomes()).isEqualTo(progress.outcomes());
    }

    @Test
    void the_outcomes_handed_out_are_a_copy_that_cannot_be_changed() {
        CampaignProgress progress = dprkAfter(7);
        Map<String, Outcome> before = progress.outcomes();

        assertThatThrownBy(() -> before.put("plenary", Outcome.ADOPTED))
                .isInstanceOf(UnsupportedOperationException.class);
        fold(progress, DPRK, 7, DPRK.size());

        assertThat(before).containsExactly(Map.entry("hrc", Outcome.ADOPTED));
        assertThat(progress.outcomes()).hasSize(4);
    }

    // ---------------------------------------------------------------- escalations

    @Test
    void a_raised_escalation_is_kept_in_the_snapshot() {
        assertThat(dprkAfter(12).snapshot().escalations()).isEmpty();
        assertThat(dprkAfter(13).snapshot().escalations()).containsExactly("escalation-timer");
        assertThat(dprkAfter(31).snapshot().escalations()).containsExactly("escalation-timer");
    }

    // ---------------------------------------------------------------- snapshots

    @Test
    void a_snapshot_states_where_the_campaign_stands() {
        CampaignSnapshot snapshot = dprkAfter(10).snapshot();

        assertThat(snapshot).usingRecursiveComparison().ignoringFields("steps", "votes").isEqualTo(
                new CampaignSnapshot(CAMPAIGN, TITLE, TEMPLATE, CampaignStatus.ACTIVE,
                "unga-resolution, unsc-agenda", Map.of("hrc", Outcome.ADOPTED),
                List.of(new ActiveTask("task-301", "draft-unga-resolution", "Draft the General Assembly resolution",
                                UNGA, "COORDINATOR", null, UNGA_DRAFT_OPENED_AT, null),
                        new ActiveTask("task-201", "convene-arria-meeting", "Convene an Arria-formula meeting", UNSC,
                                "COORDINATOR", "coordinator", UNGA_DRAFT_OPENED_AT, null)),
                fields("reportSymbol", "A/HRC/25/63", "publishedOn", "2014-02-17"), REPORT, List.of(),
                LAUNCHED_AT, ARRIA_CLAIMED_AT, 9, List.of(), List.of(), null, Map.of(), Map.of()));
    }

    @Test
    void a_snapshot_keeps_the_steps_completed_so_far_with_their_facts_and_event_numbers() {
        List<CompletedStep> steps = dprkAfter(11).snapshot().steps();

        assertThat(steps).extracting(CompletedStep::key, CompletedStep::forum, CompletedStep::sequence).containsExactly(
                org.assertj.core.groups.Tuple.tuple("draft-hrc-resolution", HRC, 3L),
                org.assertj.core.groups.Tuple.tuple("record-hrc-vote", HRC, 5L),
                org.assertj.core.groups.Tuple.tuple("convene-arria-meeting", UNSC, 10L));
        assertThat(steps.get(0).fields()).containsKey("leadSponsors");
    }

    @Test
    void a_snapshot_keeps_every_vote_with_its_counts_and_outcome_in_the_order_they_were_decided() {
        List<RecordedVote> votes = dprkAfter(26).snapshot().votes();

        assertThat(votes).extracting(RecordedVote::outcomeKey, RecordedVote::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("hrc", Outcome.ADOPTED),
                org.assertj.core.groups.Tuple.tuple("thirdCommittee", Outcome.ADOPTED),
                org.assertj.core.groups.Tuple.tuple("plenary", Outcome.ADOPTED),
                org.assertj.core.groups.Tuple.tuple("councilAgenda", Outcome.ADOPTED));
        assertThat(votes.get(0).vote()).isEqualTo(HRC_VOTE);
        assertThat(votes.get(0).symbol()).isEqualTo("A/HRC/RES/25/25");
        assertThat(votes.get(0).sequence()).isEqualTo(6L);
    }

    @Test
    void an_assigned_task_has_its_new_assignee_and_a_released_task_has_none() {
        CampaignProgress progress = dprkAfter(2);
        String taskId = progress.snapshot().activeTasks().get(0).id();
        progress.apply(new CampaignEvent.TaskAssigned(CAMPAIGN, taskId, "draft-hrc-resolution", "coordinator2", null),
                2, LAUNCHED_AT);
        assertThat(progress.activeTask(taskId).assignee()).isEqualTo("coordinator2");

        progress.apply(new CampaignEvent.TaskReleased(CAMPAIGN, taskId, "draft-hrc-resolution", "coordinator2"),
                3, LAUNCHED_AT);
        assertThat(progress.activeTask(taskId).assignee()).isNull();
    }

    @Test
    void a_snapshot_does_not_change_when_the_fold_goes_on() {
        CampaignProgress progress = dprkAfter(10);
        CampaignSnapshot snapshot = progress.snapshot();
        CampaignSnapshot copy = dprkAfter(10).snapshot();

        fold(progress, DPRK, 10, DPRK.size());

        assertThat(snapshot).isEqualTo(copy);
        assertThat(snapshot.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(snapshot.activeTasks()).extracting(ActiveTask::id).containsExactly("task-301", "task-201");
        assertThat(snapshot.outcomes()).containsOnlyKeys("hrc");
    }

    @Test
    void a_fold_restored_from_a_snapshot_gives_the_same_snapshot() {
        for (int count = 0; count <= DPRK.size(); count++) {
            CampaignSnapshot snapshot = dprkAfter(count).snapshot();

            assertThat(CampaignProgress.of(snapshot).snapshot()).as("after %d events", count).isEqualTo(snapshot);
        }
    }

    static Stream<Arguments> splits() {
        return IntStream.rangeClosed(0, DPRK.size()).mapToObj(Arguments::of);
    }

    @ParameterizedTest(name = "snapshot after {0} events")
    @MethodSource("splits")
    void folding_on_from_a_snapshot_ends_where_folding_everything_at_once_ends(int split) {
        CampaignProgress everything = dprkAfter(DPRK.size());

        CampaignProgress resumed = fold(CampaignProgress.of(dprkAfter(split).snapshot()), DPRK, split, DPRK.size());

        assertThat(resumed.snapshot()).isEqualTo(everything.snapshot());
        assertThat(resumed.status()).isEqualTo(CampaignStatus.CLOSED);
        assertThat(resumed.stage()).isEqualTo("closed");
        assertThat(resumed.lastSequence()).isEqualTo(30);
        assertThat(resumed.outcomes()).containsExactlyEntriesOf(everything.outcomes());
    }

    @Test
    void folding_on_from_a_snapshot_agrees_at_every_event_along_the_way() {
        for (int split = 0; split <= DPRK.size(); split++) {
            CampaignProgress resumed = CampaignProgress.of(dprkAfter(split).snapshot());
            for (int count = split + 1; count <= DPRK.size(); count++) {
                fold(resumed, DPRK, count - 1, count);
                CampaignProgress direct = dprkAfter(count);

                assertThat(resumed.snapshot()).as("snapshot after %d, then up to %d", split, count)
                        .isEqualTo(direct.snapshot());
                assertThat(resumed.activeTask("task-201")).as("snapshot after %d, then up to %d", split, count)
                        .isEqualTo(direct.activeTask("task-201"));
            }
        }
    }

    @Test
    void folding_on_from_a_snapshot_does_not_change_the_snapshot() {
        CampaignSnapshot snapshot = dprkAfter(10).snapshot();
        CampaignSnapshot copy = dprkAfter(10).snapshot();

        fold(CampaignProgress.of(snapshot), DPRK, 10, DPRK.size());

        assertThat(snapshot).isEqualTo(copy);
    }

    @Test
    void a_snapshot_keeps_the_order_of_the_outcomes_and_the_active_tasks() {
        CampaignProgress progress = dprkAfter(22);
        List<String> taskOrder = new ArrayList<>(activeTaskIds(progress));

        CampaignProgress restored = CampaignProgress.of(progress.snapshot());

        assertThat(restored.outcomes()).containsExactly(
                Map.entry("hrc", Outcome.ADOPTED), Map.entry("thirdCommittee", Outcome.ADOPTED));
        assertThat(activeTaskIds(restored)).containsExactlyElementsOf(taskOrder);
        assertThat(restored.stage()).isEqualTo(progress.stage());
    }
}
