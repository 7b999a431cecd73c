package org.advocacy.engine.workflow;

import static org.advocacy.engine.workflow.TaskFields.fields;
import static org.advocacy.engine.workflow.TaskFields.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"processes/field-structure.bpmn", "processes/vote-outcome.dmn"})
class FieldStructureProcessTest extends CampaignProcessTest {

    private ProcessInstance structure;

    /** Resolution 25/25 of 28 March 2014, 30 in favour, 6 against, 11 abstaining. */
    private void mandated() {
        structure = campaign.start("field-structure");
        assertThat(structure).isWaitingAt("record-mandate-vote");
        campaign.complete("record-mandate-vote", vote("hrc", 30, 6, 11));
    }

    private void staffed(boolean staffed) {
        campaign.complete("recruit-staff", fields().bool("staffed", staffed));
    }

    private void hostAgreed(boolean agreed) {
        campaign.complete("negotiate-host-agreement", fields().string("hostCountry", "Republic of Korea").bool("agreed", agreed));
    }

    /** Seoul, 23 June 2015. */
    private void opened() {
        staffed(true);
        hostAgreed(true);
        campaign.complete("open-structure", fields().date("date", LocalDate.of(2015, 6, 23)).string("location", "Seoul"));
    }

    private void reported(boolean more) {
        campaign.complete("record-structure-report", fields().date("date", LocalDate.of(2016, 3, 1))
                .choice("forum", "HRC").bool("continueReporting", more));
    }

    @Test
    void the_2014_resolution_mandates_the_structure_and_staffing_and_the_host_agreement_run_side_by_side() {
        mandated();

        assertThat(campaign.outcome(structure.getId(), "mandateOutcome")).isEqualTo("ADOPTED");
        assertThat(structure).hasPassedInOrder("record-mandate-vote", "decide-mandate-outcome", "set-up-fork")
                .isWaitingAt("recruit-staff", "negotiate-host-agreement");
    }

    @Test
    void the_structure_opens_only_once_it_is_staffed_and_the_host_country_agreed() {
        mandated();
        staffed(true);
        assertThat(structure).isWaitingAt("negotiate-host-agreement").hasNotPassed("set-up-join");

        hostAgreed(true);
        assertThat(structure).hasPassed("set-up-join").isWaitingAt("open-structure");
    }

    @Test
    void a_host_country_that_has_not_yet_agreed_is_negotiated_with_again() {
        mandated();
        hostAgreed(false);
        assertThat(structure).isWaitingAt("negotiate-host-agreement", "recruit-staff");

        hostAgreed(true);
        staffed(true);
        assertThat(structure).isWaitingAt("open-structure");
    }

    @Test
    void staffing_that_is_not_finished_is_taken_up_again() {
        mandated();
        staffed(false);
        assertThat(structure).isWaitingAt("recruit-staff", "negotiate-host-agreement");
    }

    @Test
    void once_open_its_reports_are_recorded_until_no_more_are_due() {
        mandated();
        opened();
        assertThat(structure).isWaitingAt("record-structure-report");

        reported(true);
        assertThat(structure).isWaitingAt("record-structure-report").isNotEnded();
        reported(false);
        assertThat(structure).hasPassedInOrder("open-structure", "record-structure-report", "structure-reporting-ended")
                .isEnded();
    }

    @Test
    void a_request_the_council_rejects_is_reviewed_and_tried_again_at_a_later_session() {
        structure = campaign.start("field-structure");
        campaign.complete("record-mandate-vote", vote("hrc", 15, 20, 12));
        assertThat(campaign.outcome(structure.getId(), "mandateOutcome")).isEqualTo("REJECTED");
        assertThat(structure).isWaitingAt("review-mandate-strategy").hasNotPassed("set-up-fork");

        campaign.complete("review-mandate-strategy", fields().choice("decision", "RETRY"));
        assertThat(structure).isWaitingAt("record-mandate-vote");
        campaign.complete("record-mandate-vote", vote("hrc", 30, 6, 11));
        assertThat(structure).isWaitingAt("recruit-staff", "negotiate-host-agreement");
        assertThat(campaign.outcome(structure.getId(), "mandateOutcome")).isEqualTo("ADOPTED");
    }

    @Test
    void abandoning_a_rejected_request_ends_the_campaign() {
        structure = campaign.start("field-structure");
        campaign.complete("record-mandate-vote", vote("hrc", 20, 20, 7));
        campaign.complete("review-mandate-strategy", fields().choice("decision", "ABANDON"));

        assertThat(structure).hasPassed("structure-abandoned").hasNotPassed("open-structure").isEnded();
    }
}
