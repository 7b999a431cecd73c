package org.advocacy.engine.workflow;

import static org.advocacy.engine.workflow.TaskFields.fields;
import static org.advocacy.engine.workflow.TaskFields.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/unsc-agenda.bpmn", "processes/vote-outcome.dmn"})
class UnscAgendaProcessTest {

    private static final LocalDateTime HRC_ADOPTION = LocalDateTime.of(2014, 3, 28, 10, 0);

    @RegisterExtension
    static ProcessEngineExtension extension = BpmnTestEngine.extension();

    private ManagementService management;
    private CampaignDriver campaign;
    private ProcessInstance unsc;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        management = extension.getProcessEngine().getManagementService();
        campaign = new CampaignDriver(extension.getProcessEngine(), CampaignDriver.newBusinessKey());
    }

    /** Deployments happen after {@code @BeforeEach}: each test starts its own track. */
    private void trackStarted() {
        ClockUtil.setCurrentTime(at(HRC_ADOPTION));
        unsc = campaign.start("unsc-agenda");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    private static Date at(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }

    private JobQuery timers() {
        return management.createJobQuery().processInstanceId(unsc.getId()).timers();
    }

    private void arriaMeetingHeld() {
        assertThat(unsc).isWaitingAt("convene-arria-meeting");
        campaign.complete("convene-arria-meeting", fields().bool("held", true)
                .date("date", LocalDate.of(2014, 4, 17)).names("conveners", 3));
        assertThat(unsc).isWaitingAt("file-agenda-request");
    }

    private void agendaRequested(int signatories) {
        campaign.complete("file-agenda-request", fields().date("date", LocalDate.of(2014, 12, 5))
                .names("signatories", signatories).string("symbol", "S/2014/872"));
    }

    /** The requesters drop the request before the Council meets, as the DPRK's backers did in December 2018. */
    private void agendaWithdrawn(int signatories) {
        campaign.complete("file-agenda-request", fields().date("date", LocalDate.of(2014, 12, 5))
                .names("signatories", signatories).bool("withdrawn", true)
                .string("note", "Only eight members would vote for the agenda."));
    }

    /** The 22 December 2014 procedural vote: 11-2-2, China and the Russian Federation against. */
    private void agendaAdoptedAsIn2014() {
        arriaMeetingHeld();
        agendaRequested(10);
        assertThat(unsc).isWaitingAt("record-procedural-vote");
        campaign.complete("record-procedural-vote", vote("councilAgenda", 11, 2, 2, 2));
        assertThat(unsc).isWaitingAt("hold-council-meeting");
    }

    @Test
    void the_2014_path_puts_the_situation_on_the_agenda_and_the_meeting_ends_the_track_without_a_resolution() {
        trackStarted();
        agendaAdoptedAsIn2014();
        assertThat(unsc).hasPassed("council-agenda-adopted", "council-meeting-pending")
                .hasNotPassed("agenda-meeting-not-held", "reconsider-council-strategy");
        assertThat(campaign.outcome(unsc.getId(), "councilAgendaOutcome")).isEqualTo("ADOPTED");

        campaign.complete("hold-council-meeting", fields().date("date", LocalDate.of(2014, 12, 22))
                .bool("tableResolution", false));
        assertThat(unsc).hasPassed("council-meeting-held").hasNotPassed("table-council-resolution").isEnded();
    }

    @Test
    void a_withdrawn_request_is_not_held_and_the_strategy_is_reconsidered() {
        trackStarted();
        arriaMeetingHeld();
        agendaWithdrawn(8);

        assertThat(unsc).hasPassed("agenda-meeting-not-held").hasNotPassed("record-procedural-vote")
                .isWaitingAt("reconsider-council-strategy");
    }

    @Test
    void a_request_that_is_not_withdrawn_reaches_the_procedural_vote_whatever_the_number_of_signatories() {
        for (int signatories : new int[] {1, 7, 8, 9, 15}) {
            campaign = new CampaignDriver(extension.getProcessEngine(), CampaignDriver.newBusinessKey());
            trackStarted();
            arriaMeetingHeld();
            agendaRequested(signatories);

            assertThat(unsc).as("%d signatories", signatories).isWaitingAt("record-procedural-vote")
                    .hasNotPassed("agenda-meeting-not-held");
        }
    }

    @Test
    void withdrawn_false_is_the_same_as_not_saying() {
        trackStarted();
        arriaMeetingHeld();
        campaign.complete("file-agenda-request", fields().date("date", LocalDate.of(2014, 12, 5))
                .names("signatories", 3).bool("withdrawn", false));

        assertThat(unsc).isWaitingAt("record-procedural-vote").hasNotPassed("agenda-meeting-not-held");
    }

    /** 19 March 2018, Syria (S/PV.8209): seven requesters, an objection to the agenda, 8-4-3. */
    @Test
    void seven_requesters_and_an_agenda_voted_down_8_4_3_is_rejected_and_the_strategy_is_reconsidered() {
        trackStarted();
        arriaMeetingHeld();
        agendaRequested(7);
        campaign.complete("record-procedural-vote", vote("councilAgenda", 8, 4, 3, 2));

        assertThat(unsc).isWaitingAt("reconsider-council-strategy").hasNotPassed("agenda-meeting-not-held");
        assertThat(campaign.outcome(unsc.getId(), "councilAgendaOutcome")).isEqualTo("REJECTED");
    }

    @Test
    void an_arria_meeting_not_held_still_leads_to_the_agenda_request() {
        trackStarted();
        campaign.complete("convene-arria-meeting", fields().bool("held", false));
        assertThat(unsc).isWaitingAt("file-agenda-request");
    }

    @Test
    void after_a_withdrawn_request_a_retry_files_the_request_again_until_the_agenda_is_adopted() {
        trackStarted();
        arriaMeetingHeld();
        agendaWithdrawn(8);
        campaign.complete("reconsider-council-strategy", fields().choice("decision", "RETRY")
                .string("note", "two more members to convince"));
        assertThat(unsc).isWaitingAt("file-agenda-request");

        agendaRequested(9);
        campaign.complete("record-procedural-vote", vote("councilAgenda", 9, 4, 2, 2));
        assertThat(unsc).hasPassed("agenda-meeting-not-held", "reconsider-council-strategy", "council-agenda-adopted")
                .isWaitingAt("hold-council-meeting");
    }

    @Test
    void after_a_withdrawn_request_closing_the_track_ends_it_without_a_council_meeting() {
        trackStarted();
        arriaMeetingHeld();
        agendaWithdrawn(5);
        campaign.complete("reconsider-council-strategy", fields().choice("decision", "CLOSE_TRACK"));

        assertThat(unsc).hasPassed("agenda-request-given-up", "council-track-closed")
                .hasNotPassed("record-procedural-vote", "hold-council-meeting").isEnded();
        assertThat(timers().count()).isZero();
    }

    @Test
    void a_rejected_procedural_vote_is_reconsidered_and_closing_ends_the_track() {
        trackStarted();
        arriaMeetingHeld();
        agendaRequested(9);
        campaign.complete("record-procedural-vote", vote("councilAgenda", 8, 4, 3, 2));
        assertThat(unsc).isWaitingAt("reconsider-council-strategy").hasNotPassed("agenda-meeting-not-held");
        assertThat(campaign.outcome(unsc.getId(), "councilAgendaOutcome")).isEqualTo("REJECTED");

        campaign.complete("reconsider-council-strategy", fields().choice("decision", "CLOSE_TRACK"));
        assertThat(unsc).hasPassed("council-track-closed").hasNotPassed("hold-council-meeting").isEnded();
    }

    @Test
    void a_rejected_procedural_vote_can_be_retried() {
        trackStarted();
        arriaMeetingHeld();
        agendaRequested(9);
        campaign.complete("record-procedural-vote", vote("councilAgenda", 8, 4, 3, 2));
        campaign.complete("reconsider-council-strategy", fields().choice("decision", "RETRY"));
        assertThat(unsc).isWaitingAt("file-agenda-request");
    }

    @Test
    void a_tabled_resolution_is_voted_on_and_a_permanent_member_against_vetoes_it() {
        trackStarted();
        agendaAdoptedAsIn2014();
        campaign.complete("hold-council-meeting", fields().date("date", LocalDate.of(2014, 12, 22))
                .bool("tableResolution", true));
        assertThat(unsc).isWaitingAt("table-council-resolution");

        campaign.complete("table-council-resolution", fields().date("date", LocalDate.of(2015, 5, 22))
                .choice("subject", "ICC_REFERRAL").names("sponsors", 3));
        assertThat(unsc).isWaitingAt("record-council-vote");
        campaign.complete("record-council-vote", vote("councilResolution", 13, 2, 0, 2));

        assertThat(unsc).hasPassedInOrder("hold-council-meeting", "table-council-resolution", "record-council-vote",
                "decide-council-resolution-outcome", "council-resolution-decided")
                .hasNotPassed("council-meeting-held").isEnded();
        assertThat(campaign.outcome(unsc.getId(), "councilResolutionOutcome")).isEqualTo("VETOED");
    }

    @Test
    void the_escalation_timer_is_due_six_months_after_the_track_started_and_not_before() {
        trackStarted();
        Job timer = timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(at(HRC_ADOPTION.plusMonths(6)));

        ClockUtil.setCurrentTime(at(HRC_ADOPTION.plusMonths(6).minusMinutes(1)));
        assertThat(timers().executable().count()).isZero();
    }

    @Test
    void six_months_on_the_escalation_timer_adds_the_out_of_cycle_proposal_without_cancelling_the_council_tasks() {
        trackStarted();
        arriaMeetingHeld();
        agendaWithdrawn(8);
        assertThat(unsc).isWaitingAt("reconsider-council-strategy");

        ClockUtil.setCurrentTime(at(HRC_ADOPTION.plusMonths(6).plusDays(1)));
        Job due = timers().executable().singleResult();
        assertThat(due).isNotNull();
        management.executeJob(due.getId());

        assertThat(unsc).hasPassed("escalation-timer")
                .isWaitingAt("reconsider-council-strategy", "propose-out-of-cycle-ga-resolution");
        assertThat(campaign.activeTaskKeys())
                .containsExactly("propose-out-of-cycle-ga-resolution", "reconsider-council-strategy");
        assertThat(campaign.task("propose-out-of-cycle-ga-resolution")).hasCandidateGroup("COORDINATOR");
        assertThat(timers().count()).as("the timer fires once").isZero();

        campaign.complete("propose-out-of-cycle-ga-resolution", fields().choice("decision", "PROPOSE"));
        assertThat(unsc).hasPassed("escalation-handled").isWaitingAt("reconsider-council-strategy");

        campaign.complete("reconsider-council-strategy", fields().choice("decision", "RETRY"));
        agendaRequested(9);
        campaign.complete("record-procedural-vote", vote("councilAgenda", 11, 2, 2, 2));
        campaign.complete("hold-council-meeting", fields().date("date", LocalDate.of(2014, 12, 22))
                .bool("tableResolution", false));
        assertThat(unsc).hasPassed("council-meeting-held").isEnded();
    }

    @Test
    void an_open_escalation_keeps_the_track_open_after_the_council_path_ends() {
        trackStarted();
        ClockUtil.setCurrentTime(at(HRC_ADOPTION.plusMonths(7)));
        management.executeJob(timers().executable().singleResult().getId());
        assertThat(unsc).isWaitingAt("convene-arria-meeting", "propose-out-of-cycle-ga-resolution");
        arriaMeetingHeld();
        agendaWithdrawn(3);
        campaign.complete("reconsider-council-strategy", fields().choice("decision", "CLOSE_TRACK"));

        assertThat(unsc).hasPassed("council-track-closed").isWaitingAt("propose-out-of-cycle-ga-resolution")
                .isNotEnded();
        campaign.complete("propose-out-of-cycle-ga-resolution", fields().choice("decision", "DECLINE"));
        assertThat(unsc).isEnded();
    }

    @Test
    void the_escalation_timer_is_gone_once_the_agenda_is_adopted() {
        trackStarted();
        assertThat(timers().count()).isOne();
        agendaAdoptedAsIn2014();

        assertThat(timers().count()).isZero();
        ClockUtil.setCurrentTime(at(HRC_ADOPTION.plusMonths(12)));
        assertThat(management.createJobQuery().processInstanceId(unsc.getId()).executable().count()).isZero();
        assertThat(campaign.activeTaskKeys()).containsExactly("hold-council-meeting");
    }
}
