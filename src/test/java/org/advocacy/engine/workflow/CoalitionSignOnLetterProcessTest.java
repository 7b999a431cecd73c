package org.advocacy.engine.workflow;

import static org.advocacy.engine.workflow.TaskFields.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = "processes/coalition-sign-on-letter.bpmn")
class CoalitionSignOnLetterProcessTest extends CampaignProcessTest {

    private ProcessInstance letter;

    /** Drafted and signed by the fourteen of September 2014, and waiting for a manager's approval. */
    private void signed() {
        letter = campaign.start("coalition-sign-on-letter");
        assertThat(letter).isWaitingAt("draft-letter");
        campaign.complete("draft-letter", fields().string("subject", "United Nations General Assembly action on North Korea"));
        campaign.complete("gather-signatories", fields().names("signatories", 14));
        assertThat(letter).isWaitingAt("approve-letter");
    }

    private void approved(String decision) {
        campaign.complete("approve-letter", fields().choice("decision", decision));
    }

    private void sent() {
        signed();
        approved("SEND");
        campaign.complete("send-letter", fields().date("date", LocalDate.of(2014, 9, 10)).bool("published", true));
        assertThat(letter).isWaitingAt("record-answer");
    }

    private void answered(String answer) {
        campaign.complete("record-answer", fields().bool("answered", true)
                .date("date", LocalDate.of(2014, 9, 12)).choice("answer", answer));
    }

    private void followedBy(String decision) {
        campaign.complete("record-what-followed", fields().string("followUp", "what followed").choice("decision", decision));
    }

    @Test
    void sending_the_letter_is_a_managers_decision() {
        signed();
        assertThat(campaign.task("approve-letter")).hasCandidateGroup("MANAGER");
    }

    @Test
    void the_2014_letter_is_sent_its_request_granted_and_the_campaign_closes_on_what_followed() {
        sent();
        answered("GRANTED");
        assertThat(letter).isWaitingAt("record-what-followed");
        followedBy("CLOSE");

        assertThat(letter).hasPassedInOrder("draft-letter", "gather-signatories", "approve-letter", "send-letter",
                "record-answer", "request-granted", "record-what-followed", "letter-campaign-closed")
                .hasNotPassed("request-declined", "letter-not-sent").isEnded();
    }

    @Test
    void a_manager_who_wants_more_signatories_sends_the_letter_back_to_gathering_them() {
        signed();
        approved("GATHER_MORE");
        assertThat(letter).isWaitingAt("gather-signatories").hasNotPassed("send-letter");

        campaign.complete("gather-signatories", fields().names("signatories", 20));
        approved("SEND");
        assertThat(letter).isWaitingAt("send-letter");
    }

    @Test
    void a_dropped_letter_is_not_sent_and_ends_the_campaign() {
        signed();
        approved("DROP");

        assertThat(letter).hasPassedInOrder("approve-letter", "letter-not-sent", "letter-dropped")
                .hasNotPassed("send-letter").isEnded();
    }

    @Test
    void a_declined_request_is_recorded_and_what_followed_can_start_another_letter() {
        sent();
        answered("DECLINED");
        assertThat(letter).hasPassed("request-declined").hasNotPassed("request-granted")
                .isWaitingAt("record-what-followed");

        followedBy("NEW_LETTER");
        assertThat(letter).isWaitingAt("draft-letter").isNotEnded();
    }

    @Test
    void no_answer_records_no_outcome_and_goes_on_to_what_followed() {
        sent();
        campaign.complete("record-answer", fields().bool("answered", false));

        assertThat(letter).hasNotPassed("request-granted", "request-declined").isWaitingAt("record-what-followed");
    }

    @Test
    void a_request_granted_in_part_records_no_outcome() {
        sent();
        answered("PARTLY");

        assertThat(letter).hasNotPassed("request-granted", "request-declined").isWaitingAt("record-what-followed");
    }

    @Test
    void the_process_keeps_no_fact_of_the_letter() {
        sent();
        answered("GRANTED");
        followedBy("CLOSE");

        assertThat(storedVariableNames(letter.getId())).isEmpty();
    }
}
