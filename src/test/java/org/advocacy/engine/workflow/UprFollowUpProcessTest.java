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

@Deployment(resources = {"processes/upr-follow-up.bpmn", "processes/vote-outcome.dmn"})
class UprFollowUpProcessTest extends CampaignProcessTest {

    private ProcessInstance upr;

    private void reviewScheduled() {
        upr = campaign.start("upr-follow-up");
    }

    private void submitted() {
        campaign.complete("submit-stakeholder-report", fields().bool("submitted", true)
                .string("summarySymbol", "A/HRC/WG.6/19/PRK/3"));
    }

    private void lobbied() {
        campaign.complete("lobby-recommending-states", fields().names("states", 6));
    }

    /** The second review of the DPRK: 1 May 2014, the Working Group's report adopted on 6 May. */
    private void reviewed() {
        campaign.complete("record-review", fields().date("date", LocalDate.of(2014, 5, 1))
                .string("reportSymbol", "A/HRC/27/10").date("reportAdoptedOn", LocalDate.of(2014, 5, 6)));
    }

    private void responded(long supported, long noted) {
        campaign.complete("record-state-responses", fields().number("supported", supported).number("noted", noted));
    }

    /** Up to the outcome adopted at the Council, the lobbying done; waiting for the mid-term plan. */
    private void outcomeAdopted() {
        reviewScheduled();
        submitted();
        lobbied();
        reviewed();
        responded(100, 80);
        campaign.complete("record-outcome-adoption", adoptedWithoutVote("hrc"));
        assertThat(upr).isWaitingAt("prepare-mid-term-follow-up");
    }

    private void midTermReported() {
        campaign.complete("submit-mid-term-report", fields().date("date", LocalDate.of(2016, 11, 1)).number("implemented", 3));
    }

    @Test
    void the_stakeholder_report_and_the_lobbying_of_recommending_states_run_side_by_side() {
        reviewScheduled();

        assertThat(upr).isWaitingAt("submit-stakeholder-report", "lobby-recommending-states");
    }

    @Test
    void the_review_is_held_on_its_date_whether_or_not_the_lobbying_has_ended() {
        reviewScheduled();
        submitted();
        assertThat(upr).isWaitingAt("record-review", "lobby-recommending-states");

        reviewed();
        assertThat(upr).isWaitingAt("record-state-responses", "lobby-recommending-states");
        lobbied();
        assertThat(upr).hasPassed("lobbying-ended").isWaitingAt("record-state-responses");
    }

    @Test
    void an_outcome_adopted_without_a_vote_is_kept_as_the_only_variable() {
        outcomeAdopted();

        assertThat(campaign.outcome(upr.getId(), "uprOutcome")).isEqualTo("ADOPTED");
        assertThat(storedVariableNames(upr.getId())).containsExactly("uprOutcome");
    }

    @Test
    void a_noted_recommendation_is_followed_up_at_mid_term() {
        outcomeAdopted();
        campaign.complete("prepare-mid-term-follow-up", fields().number("notedToPursue", 5));
        assertThat(upr).isWaitingAt("lobby-on-noted-recommendations");

        campaign.complete("lobby-on-noted-recommendations", fields().names("states", 4));
        midTermReported();

        assertThat(upr).hasPassedInOrder("record-review", "record-state-responses", "record-outcome-adoption",
                "decide-upr-outcome", "prepare-mid-term-follow-up", "lobby-on-noted-recommendations",
                "submit-mid-term-report", "mid-term-follow-up-done").isEnded();
    }

    @Test
    void with_no_noted_recommendation_left_to_pursue_the_mid_term_report_comes_next() {
        outcomeAdopted();
        campaign.complete("prepare-mid-term-follow-up", fields().number("notedToPursue", 0));
        assertThat(upr).isWaitingAt("submit-mid-term-report");

        midTermReported();
        assertThat(upr).hasNotPassed("lobby-on-noted-recommendations").isEnded();
    }

    @Test
    void an_outcome_the_council_does_not_adopt_ends_the_follow_up_without_a_mid_term() {
        reviewScheduled();
        submitted();
        reviewed();
        responded(0, 268);
        campaign.complete("record-outcome-adoption", vote("hrc", 10, 20, 17));

        assertThat(campaign.outcome(upr.getId(), "uprOutcome")).isEqualTo("REJECTED");
        assertThat(upr).hasPassed("upr-outcome-not-adopted").hasNotPassed("prepare-mid-term-follow-up")
                .isWaitingAt("lobby-recommending-states");
        lobbied();
        assertThat(upr).isEnded();
    }

    @Test
    void the_follow_up_ends_only_once_the_lobbying_has_ended_too() {
        reviewScheduled();
        submitted();
        reviewed();
        responded(100, 80);
        campaign.complete("record-outcome-adoption", adoptedWithoutVote("hrc"));
        campaign.complete("prepare-mid-term-follow-up", fields().number("notedToPursue", 0));
        midTermReported();

        assertThat(upr).hasPassed("mid-term-follow-up-done").isWaitingAt("lobby-recommending-states").isNotEnded();
        lobbied();
        assertThat(upr).isEnded();
    }
}
