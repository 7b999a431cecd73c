package org.advocacy.engine.workflow;

import static org.advocacy.engine.workflow.TaskFields.adoptedWithoutVote;
import static org.advocacy.engine.workflow.TaskFields.fields;
import static org.advocacy.engine.workflow.TaskFields.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"processes/hrc-resolution.bpmn", "processes/vote-outcome.dmn"})
class HrcResolutionProcessTest extends CampaignProcessTest {

    static TaskFields draft() {
        return fields().names("leadSponsors", 2).bool("endorsesFindings", true)
                .bool("requestsTransmissionToGeneralAssembly", true).bool("createsFieldStructure", true);
    }

    @Test
    void the_vote_is_due_by_the_end_of_march_when_the_councils_main_session_has_ended() {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2014-02-20T09:00:00Z")));
        try {
            campaign.start("hrc-resolution");
            campaign.complete("draft-hrc-resolution", draft());

            assertThat(campaign.task("record-hrc-vote").getDueDate())
                    .isEqualTo(java.util.Date.from(java.time.Instant.parse("2014-03-31T23:59:59Z")));
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void the_2014_vote_of_30_to_6_adopts_the_resolution_and_ends_the_track() {
        ProcessInstance hrc = campaign.start("hrc-resolution");
        assertThat(hrc).isWaitingAt("draft-hrc-resolution");
        assertThat(campaign.task("draft-hrc-resolution")).hasCandidateGroup("COORDINATOR");

        campaign.complete("draft-hrc-resolution", draft());
        assertThat(hrc).isWaitingAt("record-hrc-vote");
        campaign.complete("record-hrc-vote", vote("hrc", 30, 6, 11));

        assertThat(hrc).hasPassedInOrder("draft-hrc-resolution", "record-hrc-vote", "decide-hrc-outcome",
                "hrc-resolution-adopted").hasNotPassed("review-hrc-strategy").isEnded();
        assertThat(campaign.outcome(hrc.getId(), "hrcOutcome")).isEqualTo("ADOPTED");
    }

    @Test
    void a_resolution_adopted_without_a_vote_ends_adopted() {
        ProcessInstance hrc = campaign.start("hrc-resolution");
        campaign.complete("draft-hrc-resolution", draft());
        campaign.complete("record-hrc-vote", adoptedWithoutVote("hrc"));

        assertThat(hrc).hasPassed("hrc-resolution-adopted").isEnded();
        assertThat(campaign.outcome(hrc.getId(), "hrcOutcome")).isEqualTo("ADOPTED");
    }

    @Test
    void only_the_outcome_is_kept_the_vote_fields_stay_transient() {
        ProcessInstance hrc = campaign.start("hrc-resolution");
        campaign.complete("draft-hrc-resolution", draft());
        campaign.complete("record-hrc-vote", vote("hrc", 30, 6, 11));

        assertThat(storedVariableNames(hrc.getId())).containsExactly("hrcOutcome");
    }

    @Test
    void a_rejected_resolution_is_reviewed_and_a_redraft_goes_back_to_drafting() {
        ProcessInstance hrc = campaign.start("hrc-resolution");
        campaign.complete("draft-hrc-resolution", draft());
        campaign.complete("record-hrc-vote", vote("hrc", 15, 20, 12));

        assertThat(hrc).isWaitingAt("review-hrc-strategy").hasNotPassed("hrc-resolution-adopted");
        assertThat(campaign.outcome(hrc.getId(), "hrcOutcome")).isEqualTo("REJECTED");
        assertThat(campaign.task("review-hrc-strategy")).hasCandidateGroup("COORDINATOR");

        campaign.complete("review-hrc-strategy", fields().choice("decision", "REDRAFT").string("note", "more sponsors"));
        assertThat(hrc).isWaitingAt("draft-hrc-resolution");

        campaign.complete("draft-hrc-resolution", draft());
        campaign.complete("record-hrc-vote", vote("hrc", 24, 20, 3));
        assertThat(hrc).hasPassed("review-hrc-strategy", "hrc-resolution-adopted")
                .hasNotPassed("hrc-campaign-abandoned").isEnded();
        assertThat(campaign.outcome(hrc.getId(), "hrcOutcome")).isEqualTo("ADOPTED");
    }

    @Test
    void a_tie_is_rejected_and_abandoning_ends_the_track_rejected() {
        ProcessInstance hrc = campaign.start("hrc-resolution");
        campaign.complete("draft-hrc-resolution", draft());
        campaign.complete("record-hrc-vote", vote("hrc", 20, 20, 7));
        assertThat(hrc).isWaitingAt("review-hrc-strategy");

        campaign.complete("review-hrc-strategy", fields().choice("decision", "ABANDON"));
        assertThat(hrc).hasPassed("hrc-campaign-abandoned").hasNotPassed("hrc-resolution-adopted").isEnded();
        assertThat(campaign.outcome(hrc.getId(), "hrcOutcome")).isEqualTo("REJECTED");
    }
}
