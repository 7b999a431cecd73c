package org.advocacy.engine.workflow;

import static org.advocacy.engine.workflow.TaskFields.fields;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = "processes/contact-group.bpmn")
class ContactGroupProcessTest extends CampaignProcessTest {

    private ProcessInstance group;

    private void invited() {
        group = campaign.start("contact-group");
        campaign.complete("invite-states", fields().names("invited", 8).date("date", LocalDate.of(2014, 10, 1)));
        assertThat(group).isWaitingAt("record-acceptances");
    }

    private void accepted(int members) {
        campaign.complete("record-acceptances", fields().names("members", members));
    }

    private void founded(boolean statementAgreed) {
        campaign.complete("hold-founding-meeting", fields().date("date", LocalDate.of(2014, 11, 3))
                .string("host", "a host State").names("attendees", 5).bool("statementAgreed", statementAgreed));
    }

    @Test
    void two_states_that_accept_found_the_group_and_an_agreed_joint_statement_is_issued() {
        invited();
        accepted(2);
        assertThat(group).isWaitingAt("hold-founding-meeting");
        founded(true);
        assertThat(group).isWaitingAt("issue-joint-statement");
        campaign.complete("issue-joint-statement", fields().date("date", LocalDate.of(2014, 11, 3)).names("signatories", 5));

        assertThat(group).hasPassedInOrder("invite-states", "record-acceptances", "hold-founding-meeting",
                "issue-joint-statement", "joint-statement-issued", "contact-group-founded")
                .hasNotPassed("reconsider-contact-group").isEnded();
    }

    @Test
    void members_that_agree_on_no_statement_found_the_group_without_one() {
        invited();
        accepted(5);
        founded(false);

        assertThat(group).hasPassed("founded-without-statement").hasNotPassed("issue-joint-statement",
                "joint-statement-issued").isEnded();
    }

    @Test
    void with_fewer_than_two_acceptances_more_states_can_be_invited() {
        invited();
        accepted(1);
        assertThat(group).isWaitingAt("reconsider-contact-group").hasNotPassed("hold-founding-meeting");

        campaign.complete("reconsider-contact-group", fields().choice("decision", "INVITE_MORE"));
        assertThat(group).isWaitingAt("invite-states");
        campaign.complete("invite-states", fields().names("invited", 4).date("date", LocalDate.of(2014, 12, 1)));
        accepted(3);
        assertThat(group).isWaitingAt("hold-founding-meeting");
    }

    @Test
    void a_group_dropped_for_want_of_members_records_its_founding_meeting_not_held() {
        invited();
        accepted(0);
        campaign.complete("reconsider-contact-group", fields().choice("decision", "DROP"));

        assertThat(group).hasPassedInOrder("reconsider-contact-group", "founding-meeting-not-held", "contact-group-dropped")
                .hasNotPassed("hold-founding-meeting").isEnded();
    }
}
