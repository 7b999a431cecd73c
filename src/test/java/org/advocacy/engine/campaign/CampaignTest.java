package org.advocacy.engine.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.campaign.CampaignCommand.CancelTask;
import org.advocacy.engine.campaign.CampaignCommand.AssignTask;
import org.advocacy.engine.campaign.CampaignCommand.ClaimTask;
import org.advocacy.engine.campaign.CampaignCommand.ReleaseTask;
import org.advocacy.engine.campaign.CampaignCommand.CloseCampaign;
import org.advocacy.engine.campaign.CampaignCommand.CompleteStep;
import org.advocacy.engine.campaign.CampaignCommand.DecideVote;
import org.advocacy.engine.campaign.CampaignCommand.LaunchCampaign;
import org.advocacy.engine.campaign.CampaignCommand.OpenTask;
import org.advocacy.engine.campaign.CampaignCommand.RaiseEscalation;
import org.advocacy.engine.campaign.CampaignCommand.RecordOutcome;
import org.advocacy.engine.campaign.CampaignEvent.CampaignClosed;
import org.advocacy.engine.campaign.CampaignEvent.CampaignLaunched;
import org.advocacy.engine.campaign.CampaignEvent.EscalationRaised;
import org.advocacy.engine.campaign.CampaignEvent.OutcomeRecorded;
import org.advocacy.engine.campaign.CampaignEvent.StepCompleted;
import org.advocacy.engine.campaign.CampaignEvent.TaskCancelled;
import org.advocacy.engine.campaign.CampaignEvent.TaskAssigned;
import org.advocacy.engine.campaign.CampaignEvent.TaskClaimed;
import org.advocacy.engine.campaign.CampaignEvent.TaskReleased;
import org.advocacy.engine.campaign.CampaignEvent.TaskOpened;
import org.advocacy.engine.campaign.CampaignEvent.VoteCast;
import org.advocacy.engine.campaign.CampaignEvent.VoteRecorded;
import org.advocacy.engine.campaign.CampaignRefusal.Reason;
import org.advocacy.engine.votes.Outcome;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Campaign aggregate, command by command, on the 2014 follow-up of the commission of inquiry on
 * human rights in the Democratic People's Republic of Korea (report A/HRC/25/63 of 17 February 2014).
 */
class CampaignTest {

    // ---------------------------------------------------------------- the 2014 DPRK campaign

    private static final String CAMPAIGN = "dprk-2014";
    private static final String TEMPLATE = "coi-follow-up";
    private static final String TITLE =
            "Follow-up of the commission of inquiry on human rights in the Democratic People's Republic of Korea";
    private static final LocalDate REPORT = LocalDate.of(2014, 2, 17);

    private static final String HRC = "hrc-resolution";
    private static final String UNGA = "unga-resolution";
    private static final String UNSC = "unsc-agenda";

    private static final String COORDINATOR = "coordinator";
    private static final String OTHER_COORDINATOR = "second-coordinator";

    private static final String DRAFT_HRC_TASK = "task-101";
    private static final String HRC_VOTE_TASK = "task-102";
    private static final String REVIEW_HRC_TASK = "task-103";
    private static final String REDRAFT_HRC_TASK = "task-104";
    private static final String HRC_REVOTE_TASK = "task-105";
    private static final String ARRIA_TASK = "task-201";
    private static final String AGENDA_VOTE_TASK = "task-202";

    private static final Instant HRC_VOTE_DUE = Instant.parse("2014-03-28T17:00:00Z");

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> startFields() {
        return fields("reportSymbol", "A/HRC/25/63", "publishedOn", "2014-02-17");
    }

    private static CampaignLaunched launched() {
        return new CampaignLaunched(CAMPAIGN, TEMPLATE, TITLE, startFields(), REPORT);
    }

    private static TaskOpened draftHrcOpened() {
        return new TaskOpened(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", "Draft the HRC resolution", HRC,
                "COORDINATOR", null);
    }

    private static TaskOpened hrcVoteOpened() {
        return new TaskOpened(CAMPAIGN, HRC_VOTE_TASK, "record-hrc-vote", "Record the HRC vote", HRC,
                "COORDINATOR", HRC_VOTE_DUE);
    }

    private static TaskOpened arriaOpened() {
        return new TaskOpened(CAMPAIGN, ARRIA_TASK, "convene-arria-meeting", "Convene an Arria-formula meeting", UNSC,
                "COORDINATOR", null);
    }

    private static TaskOpened agendaVoteOpened() {
        return new TaskOpened(CAMPAIGN, AGENDA_VOTE_TASK, "record-procedural-vote",
                "Record the procedural vote on the agenda", UNSC, "COORDINATOR", null);
    }

    /** The draft of A/HRC/25/L.17, tabled by the European Union and Japan. */
    private static Map<String, Object> hrcDraft() {
        return fields("leadSponsors", List.of("European Union", "Japan"), "endorsesFindings", true,
                "requestsTransmissionToGeneralAssembly", true, "createsFieldStructure", true);
    }

    /** Resolution 25/25 of 28 March 2014: 30 in favour, 6 against, 11 abstaining. */
    private static Map<String, Object> hrcVote() {
        return fields("date", "2014-03-28", "symbol", "A/HRC/RES/25/25", "adoptedWithoutVote", false,
                "inFavour", 30, "against", 6, "abstaining", 11);
    }

    /** The vote as the step records it: the vote's keys plus a note that is no part of the vote. */
    private static Map<String, Object> hrcVoteStep() {
        Map<String, Object> step = new LinkedHashMap<>(hrcVote());
        step.put("note", "Draft A/HRC/25/L.17 introduced by Greece on behalf of the European Union, and Japan");
        return step;
    }

    /** The procedural vote of 22 December 2014 (S/PV.7353): 11 in favour, China and Russia against. */
    private static Map<String, Object> agendaVote() {
        return fields("date", "2014-12-22", "symbol", "S/PV.7353", "adoptedWithoutVote", false,
                "inFavour", 11, "against", 2, "abstaining", 2,
                "permanentMembersAgainst", List.of("China", "Russian Federation"));
    }

    private static StepCompleted draftHrcCompleted() {
        return new StepCompleted(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", HRC, hrcDraft(), null);
    }

    private static StepCompleted hrcVoteCompleted() {
        return new StepCompleted(CAMPAIGN, HRC_VOTE_TASK, "record-hrc-vote", HRC, hrcVoteStep(),
                new VoteCast("hrc", "hrc"));
    }

    private static VoteRecorded hrcVoteRecorded(Outcome outcome) {
        return new VoteRecorded(CAMPAIGN, HRC_VOTE_TASK, "record-hrc-vote", "hrc", "hrc", hrcVote(), outcome);
    }

    private static CampaignClosed closed(Map<String, Outcome> outcomes) {
        return new CampaignClosed(CAMPAIGN, outcomes);
    }

    /** Matches a {@link CampaignRefusal} given for {@code reason}. */
    private static Matcher<Throwable> refusedFor(Reason reason) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof CampaignRefusal refusal && refusal.reason() == reason;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a campaign refusal for ").appendValue(reason);
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                mismatch.appendText("was ").appendValue(item instanceof CampaignRefusal refusal
                        ? refusal.reason() : item.getClass().getName());
            }
        };
    }

    /** A refusal for {@code reason} with exactly {@code message}, that records nothing. */
    private static void expectRefusal(ResultValidator<Campaign> result, Reason reason, String message) {
        result.expectException(CampaignRefusal.class)
                .expectException(refusedFor(reason))
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    // ---------------------------------------------------------------- LaunchCampaign

    @Nested
    class Launching {

        @Test
        void launching_a_campaign_records_it_with_the_title_stripped() {
            fixture.givenNoPriorActivity()
                    .when(new LaunchCampaign(CAMPAIGN, TEMPLATE, "  " + TITLE + " \n", startFields(), REPORT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(launched());
        }

        @Test
        void launching_a_campaign_with_a_blank_title_is_refused() {
            expectRefusal(fixture.givenNoPriorActivity()
                            .when(new LaunchCampaign(CAMPAIGN, TEMPLATE, " \t ", startFields(), REPORT)),
                    Reason.INVALID, "a campaign needs a title");
        }

        @Test
        void launching_a_campaign_without_a_title_is_refused() {
            expectRefusal(fixture.givenNoPriorActivity()
                            .when(new LaunchCampaign(CAMPAIGN, TEMPLATE, null, startFields(), REPORT)),
                    Reason.INVALID, "a campaign needs a title");
        }
    }

    // ---------------------------------------------------------------- OpenTask

    @Nested
    class OpeningTasks {

        @Test
        void opening_a_task_records_that_it_became_active() {
            fixture.given(launched())
                    .when(new OpenTask(CAMPAIGN, HRC_VOTE_TASK, "record-hrc-vote", "Record the HRC vote", HRC,
                            "COORDINATOR", HRC_VOTE_DUE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(hrcVoteOpened());
        }

        @Test
        void opening_a_task_that_is_already_open_records_nothing() {
            fixture.given(launched(), draftHrcOpened())
                    .when(new OpenTask(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", "Draft the HRC resolution",
                            HRC, "COORDINATOR", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void opening_a_second_task_alongside_an_open_one_records_it() {
            fixture.given(launched(), hrcVoteOpened())
                    .when(new OpenTask(CAMPAIGN, ARRIA_TASK, "convene-arria-meeting",
                            "Convene an Arria-formula meeting", UNSC, "COORDINATOR", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(arriaOpened());
        }

        @Test
        void opening_a_task_on_a_closed_campaign_is_refused() {
            expectRefusal(fixture.given(launched(), closed(Map.of()))
                            .when(new OpenTask(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution",
                                    "Draft the HRC resolution", HRC, "COORDINATOR", null)),
                    Reason.CAMPAIGN_CLOSED, "campaign dprk-2014 is closed");
        }
    }

    // ---------------------------------------------------------------- ClaimTask

    @Nested
    class AssigningAndReleasingTasks {

        private final TaskClaimed claimedByCoordinator =
                new TaskClaimed(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", COORDINATOR);

        @Test
        void a_task_given_to_a_user_records_the_new_and_the_previous_assignee() {
            fixture.given(launched(), draftHrcOpened(), claimedByCoordinator)
                    .when(new AssignTask(CAMPAIGN, DRAFT_HRC_TASK, OTHER_COORDINATOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TaskAssigned(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", OTHER_COORDINATOR,
                            COORDINATOR));
        }

        @Test
        void giving_a_task_to_its_assignee_records_nothing() {
            fixture.given(launched(), draftHrcOpened(), claimedByCoordinator)
                    .when(new AssignTask(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void giving_a_task_to_nobody_is_refused() {
            expectRefusal(fixture.given(launched(), draftHrcOpened()).when(new AssignTask(CAMPAIGN, DRAFT_HRC_TASK, " ")),
                    Reason.INVALID, "name the user to assign task draft-hrc-resolution to");
        }

        @Test
        void the_assignee_releases_a_task() {
            fixture.given(launched(), draftHrcOpened(), claimedByCoordinator)
                    .when(new ReleaseTask(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR, false))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TaskReleased(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", COORDINATOR));
        }

        @Test
        void another_coordinator_may_not_release_it_but_a_manager_may() {
            expectRefusal(fixture.given(launched(), draftHrcOpened(), claimedByCoordinator)
                            .when(new ReleaseTask(CAMPAIGN, DRAFT_HRC_TASK, OTHER_COORDINATOR, false)),
                    Reason.CLAIMED_BY_ANOTHER, "task draft-hrc-resolution is claimed by coordinator");
            fixture.given(launched(), draftHrcOpened(), claimedByCoordinator)
                    .when(new ReleaseTask(CAMPAIGN, DRAFT_HRC_TASK, "manager", true))
                    .expectEvents(new TaskReleased(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", COORDINATOR));
        }

        @Test
        void releasing_an_unclaimed_task_records_nothing_and_a_completed_one_is_refused() {
            fixture.given(launched(), draftHrcOpened())
                    .when(new ReleaseTask(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR, false))
                    .expectNoEvents();
            expectRefusal(fixture.given(launched(), draftHrcOpened(), draftHrcCompleted())
                            .when(new ReleaseTask(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR, false)),
                    Reason.TASK_NOT_ACTIVE, "task task-101 is not active in campaign dprk-2014");
        }
    }

    @Nested
    class ClaimingTasks {

        @Test
        void claiming_an_open_task_records_who_claimed_it() {
            fixture.given(launched(), draftHrcOpened())
                    .when(new ClaimTask(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TaskClaimed(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", COORDINATOR));
        }

        @Test
        void claiming_a_task_again_by_the_same_user_records_nothing() {
            fixture.given(launched(), draftHrcOpened(),
                            new TaskClaimed(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", COORDINATOR))
                    .when(new ClaimTask(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void claiming_a_task_claimed_by_someone_else_is_refused() {
            expectRefusal(fixture.given(launched(), draftHrcOpened(),
                                    new TaskClaimed(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", COORDINATOR))
                            .when(new ClaimTask(CAMPAIGN, DRAFT_HRC_TASK, OTHER_COORDINATOR)),
                    Reason.CLAIMED_BY_ANOTHER, "task draft-hrc-resolution is claimed by coordinator");
        }

        @Test
        void claiming_a_task_that_was_never_opened_is_refused() {
            expectRefusal(fixture.given(launched(), draftHrcOpened())
                            .when(new ClaimTask(CAMPAIGN, HRC_VOTE_TASK, COORDINATOR)),
                    Reason.TASK_NOT_ACTIVE, "task task-102 is not active in campaign dprk-2014");
        }

        @Test
        void claiming_a_task_after_it_was_completed_is_refused() {
            expectRefusal(fixture.given(launched(), draftHrcOpened(), draftHrcCompleted())
                            .when(new ClaimTask(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR)),
                    Reason.TASK_NOT_ACTIVE, "task task-101 is not active in campaign dprk-2014");
        }

        @Test
        void claiming_a_task_after_it_was_cancelled_is_refused() {
            expectRefusal(fixture.given(launched(), arriaOpened(),
                                    new TaskCancelled(CAMPAIGN, ARRIA_TASK, "convene-arria-meeting",
                                            "task deleted by the workflow"))
                            .when(new ClaimTask(CAMPAIGN, ARRIA_TASK, COORDINATOR)),
                    Reason.TASK_NOT_ACTIVE, "task task-201 is not active in campaign dprk-2014");
        }

        @Test
        void claiming_a_task_on_a_closed_campaign_is_refused() {
            expectRefusal(fixture.given(launched(), draftHrcOpened(), closed(Map.of()))
                            .when(new ClaimTask(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR)),
                    Reason.CAMPAIGN_CLOSED, "campaign dprk-2014 is closed");
        }
    }

    // ---------------------------------------------------------------- CompleteStep

    @Nested
    class CompletingSteps {

        @Test
        void completing_a_step_records_it_with_the_task_key_and_forum_from_when_the_task_opened() {
            fixture.given(launched(), draftHrcOpened(),
                            new TaskClaimed(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", COORDINATOR))
                    .when(new CompleteStep(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR, hrcDraft(), null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new StepCompleted(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", HRC, hrcDraft(),
                            null));
        }

        @Test
        void an_unclaimed_task_may_be_completed_by_anyone() {
            fixture.given(launched(), draftHrcOpened())
                    .when(new CompleteStep(CAMPAIGN, DRAFT_HRC_TASK, OTHER_COORDINATOR, hrcDraft(), null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(draftHrcCompleted());
        }

        @Test
        void completing_a_vote_step_records_the_vote_it_cast() {
            fixture.given(launched(), draftHrcOpened(), draftHrcCompleted(), hrcVoteOpened())
                    .when(new CompleteStep(CAMPAIGN, HRC_VOTE_TASK, COORDINATOR, hrcVoteStep(),
                            new VoteCast("hrc", "hrc")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(hrcVoteCompleted());
        }

        @Test
        void completing_a_task_claimed_by_someone_else_is_refused() {
            expectRefusal(fixture.given(launched(), draftHrcOpened(),
                                    new TaskClaimed(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", COORDINATOR))
                            .when(new CompleteStep(CAMPAIGN, DRAFT_HRC_TASK, OTHER_COORDINATOR, hrcDraft(), null)),
                    Reason.CLAIMED_BY_ANOTHER, "task draft-hrc-resolution is claimed by coordinator");
        }

        @Test
        void completing_a_task_that_was_never_opened_is_refused() {
            expectRefusal(fixture.given(launched())
                            .when(new CompleteStep(CAMPAIGN, HRC_VOTE_TASK, COORDINATOR, hrcVoteStep(),
                                    new VoteCast("hrc", "hrc"))),
                    Reason.TASK_NOT_ACTIVE, "task task-102 is not active in campaign dprk-2014");
        }

        @Test
        void completing_a_task_a_second_time_is_refused() {
            expectRefusal(fixture.given(launched(), draftHrcOpened(), draftHrcCompleted())
                            .when(new CompleteStep(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR, hrcDraft(), null)),
                    Reason.TASK_NOT_ACTIVE, "task task-101 is not active in campaign dprk-2014");
        }

        @Test
        void completing_a_step_with_a_vote_under_an_unknown_rule_is_refused() {
            expectRefusal(fixture.given(launched(), hrcVoteOpened())
                            .when(new CompleteStep(CAMPAIGN, HRC_VOTE_TASK, COORDINATOR, hrcVoteStep(),
                                    new VoteCast("hrc", "humanRightsCouncil"))),
                    Reason.INVALID, "no vote rule is named humanRightsCouncil");
        }

        @Test
        void completing_a_step_on_a_closed_campaign_is_refused() {
            expectRefusal(fixture.given(launched(), draftHrcOpened(), closed(Map.of()))
                            .when(new CompleteStep(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR, hrcDraft(), null)),
                    Reason.CAMPAIGN_CLOSED, "campaign dprk-2014 is closed");
        }
    }

    // ---------------------------------------------------------------- DecideVote

    @Nested
    class DecidingVotes {

        @Test
        void deciding_a_vote_records_the_vote_under_its_rule_without_the_steps_other_fields() {
            fixture.given(launched(), hrcVoteOpened(), hrcVoteCompleted())
                    .when(new DecideVote(CAMPAIGN, "hrc", Outcome.ADOPTED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(hrcVoteRecorded(Outcome.ADOPTED));
        }

        @Test
        void deciding_a_council_vote_keeps_the_permanent_members_against() {
            Map<String, Object> step = new LinkedHashMap<>(agendaVote());
            step.put("note", "Requested by ten members in S/2014/872");
            fixture.given(launched(), agendaVoteOpened(),
                            new StepCompleted(CAMPAIGN, AGENDA_VOTE_TASK, "record-procedural-vote", UNSC, step,
                                    new VoteCast("councilAgenda", "councilAgenda")))
                    .when(new DecideVote(CAMPAIGN, "councilAgenda", Outcome.ADOPTED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new VoteRecorded(CAMPAIGN, AGENDA_VOTE_TASK, "record-procedural-vote",
                            "councilAgenda", "councilAgenda", agendaVote(), Outcome.ADOPTED));
        }

        @Test
        void deciding_a_vote_under_a_general_rule_leaves_out_council_only_keys() {
            Map<String, Object> step = new LinkedHashMap<>(hrcVote());
            step.put("permanentMembersAgainst", List.of("China", "Russian Federation"));
            fixture.given(launched(), hrcVoteOpened(),
                            new StepCompleted(CAMPAIGN, HRC_VOTE_TASK, "record-hrc-vote", HRC, step,
                                    new VoteCast("hrc", "hrc")))
                    .when(new DecideVote(CAMPAIGN, "hrc", Outcome.ADOPTED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(hrcVoteRecorded(Outcome.ADOPTED));
        }

        @Test
        void deciding_a_vote_when_no_step_cast_one_is_refused() {
            expectRefusal(fixture.given(launched(), draftHrcOpened(), draftHrcCompleted())
                            .when(new DecideVote(CAMPAIGN, "hrc", Outcome.ADOPTED)),
                    Reason.NO_VOTE_TO_DECIDE, "campaign dprk-2014 has no hrc vote awaiting its outcome");
        }

        @Test
        void deciding_a_vote_on_a_fresh_campaign_is_refused() {
            expectRefusal(fixture.given(launched()).when(new DecideVote(CAMPAIGN, "hrc", Outcome.ADOPTED)),
                    Reason.NO_VOTE_TO_DECIDE, "campaign dprk-2014 has no hrc vote awaiting its outcome");
        }

        @Test
        void deciding_a_vote_that_was_already_decided_is_refused() {
            expectRefusal(fixture.given(launched(), hrcVoteOpened(), hrcVoteCompleted(),
                                    hrcVoteRecorded(Outcome.ADOPTED))
                            .when(new DecideVote(CAMPAIGN, "hrc", Outcome.REJECTED)),
                    Reason.NO_VOTE_TO_DECIDE, "campaign dprk-2014 has no hrc vote awaiting its outcome");
        }

        @Test
        void the_votes_of_parallel_tracks_wait_for_their_outcomes_side_by_side() {
            fixture.given(launched(), hrcVoteOpened(), agendaVoteOpened(), hrcVoteCompleted(),
                            new StepCompleted(CAMPAIGN, AGENDA_VOTE_TASK, "record-procedural-vote", UNSC, agendaVote(),
                                    new VoteCast("councilAgenda", "councilAgenda")))
                    .when(new DecideVote(CAMPAIGN, "hrc", Outcome.ADOPTED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(hrcVoteRecorded(Outcome.ADOPTED));
        }

        @Test
        void deciding_a_vote_after_the_campaign_closed_is_refused() {
            expectRefusal(fixture.given(launched(), hrcVoteOpened(), hrcVoteCompleted(),
                                    new CampaignClosed(CAMPAIGN, Map.of()))
                            .when(new DecideVote(CAMPAIGN, "hrc", Outcome.ADOPTED)),
                    Reason.CAMPAIGN_CLOSED, "campaign dprk-2014 is closed");
        }

        @Test
        void a_vote_step_then_its_decision_by_commands_records_both() {
            fixture.givenCommands(new LaunchCampaign(CAMPAIGN, TEMPLATE, TITLE, startFields(), REPORT),
                            new OpenTask(CAMPAIGN, HRC_VOTE_TASK, "record-hrc-vote", "Record the HRC vote", HRC,
                                    "COORDINATOR", HRC_VOTE_DUE),
                            new ClaimTask(CAMPAIGN, HRC_VOTE_TASK, COORDINATOR),
                            new CompleteStep(CAMPAIGN, HRC_VOTE_TASK, COORDINATOR, hrcVoteStep(),
                                    new VoteCast("hrc", "hrc")))
                    .when(new DecideVote(CAMPAIGN, "hrc", Outcome.ADOPTED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(hrcVoteRecorded(Outcome.ADOPTED));
        }
    }

    // ---------------------------------------------------------------- RecordOutcome

    @Nested
    class RecordingOutcomes {

        @Test
        void recording_an_outcome_records_it_with_its_reason() {
            fixture.given(launched(), arriaOpened())
                    .when(new RecordOutcome(CAMPAIGN, "councilAgenda", Outcome.NOT_HELD, "Meeting not held"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OutcomeRecorded(CAMPAIGN, "councilAgenda", Outcome.NOT_HELD, "Meeting not held"));
        }

        @Test
        void recording_an_outcome_on_a_closed_campaign_is_refused() {
            expectRefusal(fixture.given(launched(), closed(Map.of()))
                            .when(new RecordOutcome(CAMPAIGN, "councilAgenda", Outcome.NOT_HELD, "Meeting not held")),
                    Reason.CAMPAIGN_CLOSED, "campaign dprk-2014 is closed");
        }
    }

    // ---------------------------------------------------------------- RaiseEscalation

    @Nested
    class RaisingEscalations {

        @Test
        void raising_an_escalation_records_it() {
            fixture.given(launched(), hrcVoteOpened(), hrcVoteCompleted(), hrcVoteRecorded(Outcome.ADOPTED),
                            arriaOpened())
                    .when(new RaiseEscalation(CAMPAIGN, "escalation-timer", "Six months without a Council meeting"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new EscalationRaised(CAMPAIGN, "escalation-timer",
                            "Six months without a Council meeting"));
        }

        @Test
        void raising_an_escalation_on_a_closed_campaign_is_refused() {
            expectRefusal(fixture.given(launched(), closed(Map.of()))
                            .when(new RaiseEscalation(CAMPAIGN, "escalation-timer",
                                    "Six months without a Council meeting")),
                    Reason.CAMPAIGN_CLOSED, "campaign dprk-2014 is closed");
        }
    }

    // ---------------------------------------------------------------- CancelTask

    @Nested
    class CancellingTasks {

        @Test
        void cancelling_an_active_task_records_that_it_was_cancelled() {
            fixture.given(launched(), arriaOpened())
                    .when(new CancelTask(CAMPAIGN, ARRIA_TASK, "task deleted by the workflow"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TaskCancelled(CAMPAIGN, ARRIA_TASK, "convene-arria-meeting",
                            "task deleted by the workflow"));
        }

        @Test
        void cancelling_a_claimed_task_records_that_it_was_cancelled() {
            fixture.given(launched(), arriaOpened(),
                            new TaskClaimed(CAMPAIGN, ARRIA_TASK, "convene-arria-meeting", COORDINATOR))
                    .when(new CancelTask(CAMPAIGN, ARRIA_TASK, "task deleted by the workflow"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TaskCancelled(CAMPAIGN, ARRIA_TASK, "convene-arria-meeting",
                            "task deleted by the workflow"));
        }

        @Test
        void cancelling_a_task_that_was_never_opened_records_nothing() {
            fixture.given(launched(), arriaOpened())
                    .when(new CancelTask(CAMPAIGN, AGENDA_VOTE_TASK, "task deleted by the workflow"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cancelling_a_task_that_was_already_completed_records_nothing() {
            fixture.given(launched(), draftHrcOpened(), draftHrcCompleted())
                    .when(new CancelTask(CAMPAIGN, DRAFT_HRC_TASK, "task deleted by the workflow"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cancelling_a_task_after_the_campaign_closed_records_nothing() {
            fixture.given(launched(), arriaOpened(), closed(Map.of()))
                    .when(new CancelTask(CAMPAIGN, ARRIA_TASK, "task deleted by the workflow"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void completing_a_task_after_it_was_cancelled_is_refused() {
            expectRefusal(fixture.given(launched(), arriaOpened(),
                                    new TaskCancelled(CAMPAIGN, ARRIA_TASK, "convene-arria-meeting",
                                            "task deleted by the workflow"))
                            .when(new CompleteStep(CAMPAIGN, ARRIA_TASK, COORDINATOR,
                                    fields("held", true, "date", "2014-04-17",
                                            "conveners", List.of("Australia", "France", "United States")),
                                    null)),
                    Reason.TASK_NOT_ACTIVE, "task task-201 is not active in campaign dprk-2014");
        }
    }

    // ---------------------------------------------------------------- CloseCampaign

    @Nested
    class Closing {

        @Test
        void closing_a_campaign_records_the_outcomes_decided_so_far() {
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            outcomes.put("hrc", Outcome.ADOPTED);
            outcomes.put("councilAgenda", Outcome.NOT_HELD);
            fixture.given(launched(), hrcVoteOpened(), hrcVoteCompleted(), hrcVoteRecorded(Outcome.ADOPTED),
                            new OutcomeRecorded(CAMPAIGN, "councilAgenda", Outcome.NOT_HELD, "Meeting not held"))
                    .when(new CloseCampaign(CAMPAIGN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(closed(outcomes));
        }

        @Test
        void closing_a_campaign_before_any_outcome_records_no_outcomes() {
            fixture.given(launched(), draftHrcOpened())
                    .when(new CloseCampaign(CAMPAIGN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(closed(Map.of()));
        }

        @Test
        void closing_a_campaign_keeps_the_latest_outcome_of_a_vote_taken_again_after_a_redraft() {
            // a hypothetical first vote that failed, then the real vote of 28 March 2014 on the redraft
            Map<String, Object> rejected = fields("date", "2014-03-28", "adoptedWithoutVote", false,
                    "inFavour", 6, "against", 30, "abstaining", 11);
            fixture.givenCommands(
                            new LaunchCampaign(CAMPAIGN, TEMPLATE, TITLE, startFields(), REPORT),
                            new OpenTask(CAMPAIGN, HRC_VOTE_TASK, "record-hrc-vote", "Record the HRC vote", HRC,
                                    "COORDINATOR", null),
                            new CompleteStep(CAMPAIGN, HRC_VOTE_TASK, COORDINATOR, rejected, new VoteCast("hrc", "hrc")),
                            new DecideVote(CAMPAIGN, "hrc", Outcome.REJECTED),
                            new OpenTask(CAMPAIGN, REVIEW_HRC_TASK, "review-hrc-strategy", "Review the HRC strategy",
                                    HRC, "COORDINATOR", null),
                            new CompleteStep(CAMPAIGN, REVIEW_HRC_TASK, COORDINATOR, fields("decision", "REDRAFT"),
                                    null),
                            new OpenTask(CAMPAIGN, REDRAFT_HRC_TASK, "draft-hrc-resolution",
                                    "Draft the HRC resolution", HRC, "COORDINATOR", null),
                            new CompleteStep(CAMPAIGN, REDRAFT_HRC_TASK, COORDINATOR, hrcDraft(), null),
                            new OpenTask(CAMPAIGN, HRC_REVOTE_TASK, "record-hrc-vote", "Record the HRC vote", HRC,
                                    "COORDINATOR", null),
                            new CompleteStep(CAMPAIGN, HRC_REVOTE_TASK, COORDINATOR, hrcVote(),
                                    new VoteCast("hrc", "hrc")),
                            new DecideVote(CAMPAIGN, "hrc", Outcome.ADOPTED))
                    .when(new CloseCampaign(CAMPAIGN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(closed(Map.of("hrc", Outcome.ADOPTED)));
        }

        @Test
        void closing_a_campaign_keeps_the_latest_outcome_of_each_key() {
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            outcomes.put("hrc", Outcome.ADOPTED);
            outcomes.put("councilAgenda", Outcome.ADOPTED);
            fixture.given(launched(),
                            hrcVoteOpened(), hrcVoteCompleted(), hrcVoteRecorded(Outcome.REJECTED),
                            new OutcomeRecorded(CAMPAIGN, "councilAgenda", Outcome.NOT_HELD, "Meeting not held"),
                            new TaskOpened(CAMPAIGN, HRC_REVOTE_TASK, "record-hrc-vote", "Record the HRC vote", HRC,
                                    "COORDINATOR", null),
                            new StepCompleted(CAMPAIGN, HRC_REVOTE_TASK, "record-hrc-vote", HRC, hrcVote(),
                                    new VoteCast("hrc", "hrc")),
                            new VoteRecorded(CAMPAIGN, HRC_REVOTE_TASK, "record-hrc-vote", "hrc", "hrc", hrcVote(),
                                    Outcome.ADOPTED),
                            agendaVoteOpened(),
                            new StepCompleted(CAMPAIGN, AGENDA_VOTE_TASK, "record-procedural-vote", UNSC,
                                    agendaVote(), new VoteCast("councilAgenda", "councilAgenda")),
                            new VoteRecorded(CAMPAIGN, AGENDA_VOTE_TASK, "record-procedural-vote", "councilAgenda",
                                    "councilAgenda", agendaVote(), Outcome.ADOPTED))
                    .when(new CloseCampaign(CAMPAIGN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(closed(outcomes));
        }

        @Test
        void closing_a_campaign_twice_records_nothing() {
            fixture.given(launched(), hrcVoteOpened(), hrcVoteCompleted(), hrcVoteRecorded(Outcome.REJECTED),
                            closed(Map.of("hrc", Outcome.REJECTED)))
                    .when(new CloseCampaign(CAMPAIGN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    // ---------------------------------------------------------------- SuspendCampaign, ResumeCampaign, CancelCampaign

    @Nested
    class SuspendingResumingAndCancelling {

        private static final String PAUSE = "Awaiting the Council's programme of work for December";

        @Test
        void a_manager_suspends_an_active_campaign_with_a_reason() {
            fixture.given(launched(), draftHrcOpened())
                    .when(new CampaignCommand.SuspendCampaign(CAMPAIGN, "  " + PAUSE + " "))
                    .expectEvents(new CampaignEvent.CampaignSuspended(CAMPAIGN, PAUSE));
        }

        @Test
        void suspending_without_a_reason_is_refused() {
            expectRefusal(fixture.given(launched()).when(new CampaignCommand.SuspendCampaign(CAMPAIGN, " ")),
                    Reason.INVALID, "give the reason for suspending the campaign");
        }

        @Test
        void a_suspended_campaigns_tasks_cannot_be_claimed_or_completed() {
            String refusal = "campaign " + CAMPAIGN + " is suspended (" + PAUSE
                    + "): a manager resumes it before its tasks go on";
            expectRefusal(fixture.given(launched(), draftHrcOpened(), new CampaignEvent.CampaignSuspended(CAMPAIGN, PAUSE))
                    .when(new ClaimTask(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR)), Reason.CAMPAIGN_SUSPENDED, refusal);
            expectRefusal(fixture.given(launched(), draftHrcOpened(),
                            new TaskClaimed(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", COORDINATOR),
                            new CampaignEvent.CampaignSuspended(CAMPAIGN, PAUSE))
                    .when(new CompleteStep(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR, hrcDraft(), null)),
                    Reason.CAMPAIGN_SUSPENDED, refusal);
        }

        @Test
        void suspending_twice_is_refused() {
            expectRefusal(fixture.given(launched(), new CampaignEvent.CampaignSuspended(CAMPAIGN, PAUSE))
                            .when(new CampaignCommand.SuspendCampaign(CAMPAIGN, "again")), Reason.CAMPAIGN_SUSPENDED,
                    "campaign " + CAMPAIGN + " is suspended (" + PAUSE + "): a manager resumes it before its tasks go on");
        }

        @Test
        void a_resumed_campaigns_tasks_go_on() {
            fixture.given(launched(), draftHrcOpened(), new CampaignEvent.CampaignSuspended(CAMPAIGN, PAUSE))
                    .when(new CampaignCommand.ResumeCampaign(CAMPAIGN))
                    .expectEvents(new CampaignEvent.CampaignResumed(CAMPAIGN));
            fixture.given(launched(), draftHrcOpened(), new CampaignEvent.CampaignSuspended(CAMPAIGN, PAUSE),
                            new CampaignEvent.CampaignResumed(CAMPAIGN))
                    .when(new ClaimTask(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR))
                    .expectEvents(new TaskClaimed(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", COORDINATOR));
        }

        @Test
        void resuming_a_campaign_that_is_not_suspended_is_refused() {
            expectRefusal(fixture.given(launched()).when(new CampaignCommand.ResumeCampaign(CAMPAIGN)),
                    Reason.NOT_SUSPENDED, "campaign " + CAMPAIGN + " is not suspended");
        }

        @Test
        void a_manager_cancels_an_active_or_suspended_campaign_with_a_reason() {
            fixture.given(launched(), draftHrcOpened())
                    .when(new CampaignCommand.CancelCampaign(CAMPAIGN, "Superseded by a new campaign"))
                    .expectEvents(new CampaignEvent.CampaignCancelled(CAMPAIGN, "Superseded by a new campaign"));
            fixture.given(launched(), new CampaignEvent.CampaignSuspended(CAMPAIGN, PAUSE))
                    .when(new CampaignCommand.CancelCampaign(CAMPAIGN, "Superseded"))
                    .expectEvents(new CampaignEvent.CampaignCancelled(CAMPAIGN, "Superseded"));
        }

        @Test
        void a_cancelled_campaign_takes_no_step_and_its_workflow_ending_does_not_close_it() {
            String refusal = "campaign " + CAMPAIGN + " was cancelled: Superseded";
            expectRefusal(fixture.given(launched(), draftHrcOpened(), new CampaignEvent.CampaignCancelled(CAMPAIGN, "Superseded"))
                    .when(new ClaimTask(CAMPAIGN, DRAFT_HRC_TASK, COORDINATOR)), Reason.CAMPAIGN_CLOSED, refusal);
            expectRefusal(fixture.given(launched(), new CampaignEvent.CampaignCancelled(CAMPAIGN, "Superseded"))
                    .when(new CampaignCommand.CancelCampaign(CAMPAIGN, "again")), Reason.CAMPAIGN_CLOSED, refusal);
            fixture.given(launched(), draftHrcOpened(), new CampaignEvent.CampaignCancelled(CAMPAIGN, "Superseded"))
                    .when(new CancelTask(CAMPAIGN, DRAFT_HRC_TASK, "campaign cancelled"))
                    .expectEvents(new TaskCancelled(CAMPAIGN, DRAFT_HRC_TASK, "draft-hrc-resolution", "campaign cancelled"));
            fixture.given(launched(), new CampaignEvent.CampaignCancelled(CAMPAIGN, "Superseded"))
                    .when(new CloseCampaign(CAMPAIGN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_closed_campaign_cannot_be_suspended_or_cancelled() {
            expectRefusal(fixture.given(launched(), closed(Map.of())).when(new CampaignCommand.SuspendCampaign(CAMPAIGN, PAUSE)),
                    Reason.CAMPAIGN_CLOSED, "campaign " + CAMPAIGN + " is closed");
            expectRefusal(fixture.given(launched(), closed(Map.of())).when(new CampaignCommand.CancelCampaign(CAMPAIGN, PAUSE)),
                    Reason.CAMPAIGN_CLOSED, "campaign " + CAMPAIGN + " is closed");
        }
    }
}
