package org.advocacy.engine.workflow;

import static org.advocacy.engine.workflow.TaskFields.adoptedWithoutVote;
import static org.advocacy.engine.workflow.TaskFields.fields;
import static org.advocacy.engine.workflow.TaskFields.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"processes/unga-resolution.bpmn", "processes/vote-outcome.dmn"})
class UngaResolutionProcessTest extends CampaignProcessTest {

    static TaskFields draft() {
        return fields().names("coSponsors", 2).bool("endorsesFindings", true).bool("encouragesIccReferral", true);
    }

    static TaskFields ministerialSideEvent() {
        return fields().bool("held", true).date("date", LocalDate.of(2014, 9, 23))
                .string("host", "United States").string("level", "ministerial");
    }

    /** Drafted, side event organised: waiting for the Third Committee. */
    private ProcessInstance draftedWithSideEvent(TaskFields sideEvent) {
        ProcessInstance unga = campaign.start("unga-resolution");
        assertThat(unga).isWaitingAt("draft-unga-resolution");
        campaign.complete("draft-unga-resolution", draft());
        assertThat(unga).isWaitingAt("organize-side-event");
        campaign.complete("organize-side-event", sideEvent);
        assertThat(unga).isWaitingAt("record-third-committee-vote");
        return unga;
    }

    @Test
    void the_2014_votes_adopt_the_resolution_in_committee_then_in_plenary() {
        ProcessInstance unga = draftedWithSideEvent(ministerialSideEvent());
        campaign.complete("record-third-committee-vote", vote("thirdCommittee", 111, 19, 55));
        assertThat(unga).isWaitingAt("record-plenary-vote");
        assertThat(campaign.task("record-plenary-vote")).hasCandidateGroup("COORDINATOR");

        campaign.complete("record-plenary-vote", vote("plenary", 116, 20, 53));
        assertThat(unga).hasPassedInOrder("draft-unga-resolution", "organize-side-event",
                "record-third-committee-vote", "decide-third-committee-outcome", "record-plenary-vote",
                "decide-plenary-outcome", "unga-track-ended").isEnded();
        assertThat(campaign.outcome(unga.getId(), "thirdCommitteeOutcome")).isEqualTo("ADOPTED");
        assertThat(campaign.outcome(unga.getId(), "plenaryOutcome")).isEqualTo("ADOPTED");
    }

    @Test
    void a_side_event_not_held_needs_only_its_flag_and_the_track_goes_on() {
        ProcessInstance unga = draftedWithSideEvent(fields().bool("held", false));
        campaign.complete("record-third-committee-vote", adoptedWithoutVote("thirdCommittee"));
        campaign.complete("record-plenary-vote", adoptedWithoutVote("plenary"));

        assertThat(unga).hasPassed("unga-track-ended").isEnded();
        assertThat(campaign.outcome(unga.getId(), "plenaryOutcome")).isEqualTo("ADOPTED");
    }

    @Test
    void rejected_in_the_third_committee_the_plenary_is_skipped() {
        ProcessInstance unga = draftedWithSideEvent(ministerialSideEvent());
        campaign.complete("record-third-committee-vote", vote("thirdCommittee", 50, 60, 75));

        assertThat(unga).hasPassed("decide-third-committee-outcome", "third-committee-rejected")
                .hasNotPassed("record-plenary-vote", "decide-plenary-outcome", "unga-track-ended").isEnded();
        assertThat(campaign.outcome(unga.getId(), "thirdCommitteeOutcome")).isEqualTo("REJECTED");
        assertThat(campaign.outcome(unga.getId(), "plenaryOutcome")).isNull();
    }

    @Test
    void a_tie_in_the_third_committee_is_rejected() {
        ProcessInstance unga = draftedWithSideEvent(ministerialSideEvent());
        campaign.complete("record-third-committee-vote", vote("thirdCommittee", 70, 70, 40));

        assertThat(unga).hasPassed("third-committee-rejected").hasNotPassed("record-plenary-vote").isEnded();
    }

    @Test
    void a_plenary_rejection_still_ends_the_track_with_its_outcome() {
        ProcessInstance unga = draftedWithSideEvent(ministerialSideEvent());
        campaign.complete("record-third-committee-vote", vote("thirdCommittee", 90, 80, 20));
        campaign.complete("record-plenary-vote", vote("plenary", 80, 90, 20));

        assertThat(unga).hasPassed("record-plenary-vote", "unga-track-ended").isEnded();
        assertThat(campaign.outcome(unga.getId(), "thirdCommitteeOutcome")).isEqualTo("ADOPTED");
        assertThat(campaign.outcome(unga.getId(), "plenaryOutcome")).isEqualTo("REJECTED");
    }
}
