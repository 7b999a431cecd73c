package org.advocacy.engine.workflow;

import static org.advocacy.engine.workflow.TaskFields.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = "processes/rights-up-front.bpmn")
class RightsUpFrontProcessTest extends CampaignProcessTest {

    private ProcessInstance engagement;

    /** WFP, FAO, UNICEF and UNHCR, say: the list reaches the process as its count only. */
    private void agenciesNamed(int agencies) {
        engagement = campaign.start("rights-up-front");
        campaign.complete("name-agencies", fields().names("agencies", agencies));
    }

    private void met(Task meeting) {
        campaign.complete(meeting, fields().string("agency", "an agency").date("date", LocalDate.of(2014, 6, 2)));
    }

    private void metEach() {
        campaign.tasks("meet-agency").forEach(this::met);
    }

    private void committed(Task task, boolean committed) {
        TaskFields fields = fields().bool("committed", committed);
        campaign.complete(task, committed ? fields.string("commitments", "report on access") : fields);
    }

    private void noEnvoyCalledFor() {
        campaign.complete("call-for-special-envoy", fields().bool("called", false));
    }

    @Test
    void each_agency_named_is_engaged_in_parallel_beside_the_call_for_an_envoy() {
        agenciesNamed(4);

        assertThat(campaign.tasks("meet-agency")).hasSize(4);
        assertThat(campaign.activeTaskKeys()).containsExactly("call-for-special-envoy",
                "meet-agency", "meet-agency", "meet-agency", "meet-agency");
    }

    @Test
    void an_agency_that_commits_is_followed_up_and_one_that_does_not_ends_its_engagement() {
        agenciesNamed(2);
        metEach();
        List<Task> commitments = campaign.tasks("record-agency-commitments");
        assertThat(commitments).hasSize(2);

        committed(commitments.get(0), true);
        committed(commitments.get(1), false);

        assertThat(engagement).hasPassed("agency-made-no-commitment")
                .isWaitingAt("follow-up-agency-commitments", "call-for-special-envoy");
        assertThat(campaign.tasks("follow-up-agency-commitments")).hasSize(1);
    }

    @Test
    void the_campaign_ends_once_every_agency_and_the_envoy_call_have_ended() {
        agenciesNamed(2);
        metEach();
        campaign.tasks("record-agency-commitments").forEach(task -> committed(task, true));
        campaign.tasks("follow-up-agency-commitments").forEach(task -> campaign.complete(task,
                fields().date("date", LocalDate.of(2014, 12, 1)).choice("implemented", "PARTLY")));
        assertThat(engagement).hasPassed("agency-followed-up", "engage-agencies", "agencies-engaged")
                .isWaitingAt("call-for-special-envoy").isNotEnded();

        noEnvoyCalledFor();
        assertThat(engagement).hasPassed("no-envoy-called").hasNotPassed("record-envoy-answer").isEnded();
    }

    @Test
    void a_call_for_a_special_envoy_records_the_secretary_generals_answer() {
        agenciesNamed(1);
        campaign.complete("call-for-special-envoy", fields().bool("called", true)
                .date("date", LocalDate.of(2014, 9, 1)).names("callers", 5));
        assertThat(engagement).isWaitingAt("record-envoy-answer", "meet-agency");

        campaign.complete("record-envoy-answer", fields().bool("appointed", false));
        assertThat(engagement).hasPassed("envoy-answer-recorded").isWaitingAt("meet-agency");
    }

    @Test
    void the_process_holds_the_instance_counters_and_no_fact_of_the_agencies() {
        agenciesNamed(3);
        metEach();
        campaign.tasks("record-agency-commitments").forEach(task -> committed(task, false));
        noEnvoyCalledFor();

        assertThat(engagement).isEnded();
        assertThat(storedVariableNames(engagement.getId()))
                .containsExactly("loopCounter", "nrOfActiveInstances", "nrOfCompletedInstances", "nrOfInstances");
    }
}
