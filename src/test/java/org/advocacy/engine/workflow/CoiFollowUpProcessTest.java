package org.advocacy.engine.workflow;

import static org.advocacy.engine.workflow.TaskFields.fields;
import static org.advocacy.engine.workflow.TaskFields.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The main process together with the processes that it calls. */
@Deployment(resources = {"processes/coi-follow-up.bpmn", "processes/hrc-resolution.bpmn",
        "processes/unga-resolution.bpmn", "processes/unsc-agenda.bpmn", "processes/vote-outcome.dmn"})
class CoiFollowUpProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = BpmnTestEngine.extension();

    private HistoryService history;
    private CampaignDriver campaign;
    private ProcessInstance coi;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        history = extension.getProcessEngine().getHistoryService();
        campaign = new CampaignDriver(extension.getProcessEngine(), CampaignDriver.newBusinessKey());
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    private void reportPublished() {
        coi = campaign.start("coi-follow-up", fields().string("reportSymbol", "A/HRC/25/63")
                .date("publishedOn", LocalDate.of(2014, 2, 17)));
        assertThat(coi).isWaitingAt("hrc-track");
        assertThat(campaign.calledInstance("hrc-resolution")).as("HRC track under the campaign's key").isNotNull();
    }

    private void hrcVote(TaskFields vote) {
        campaign.complete("draft-hrc-resolution", HrcResolutionProcessTest.draft());
        campaign.complete("record-hrc-vote", vote);
    }

    private void generalAssemblyAdopts() {
        campaign.complete("draft-unga-resolution", UngaResolutionProcessTest.draft());
        campaign.complete("organize-side-event", UngaResolutionProcessTest.ministerialSideEvent());
        campaign.complete("record-third-committee-vote", vote("thirdCommittee", 111, 19, 55));
        campaign.complete("record-plenary-vote", vote("plenary", 116, 20, 53));
    }

    private void councilPutsItOnTheAgenda() {
        campaign.complete("convene-arria-meeting", fields().bool("held", true)
                .date("date", LocalDate.of(2014, 4, 17)).names("conveners", 3));
        campaign.complete("file-agenda-request", fields().date("date", LocalDate.of(2014, 12, 5))
                .names("signatories", 10));
        campaign.complete("record-procedural-vote", vote("councilAgenda", 11, 2, 2, 2));
        campaign.complete("hold-council-meeting", fields().date("date", LocalDate.of(2014, 12, 22))
                .bool("tableResolution", false));
    }

    private long calledInstancesEver(String processKey) {
        return history.createHistoricProcessInstanceQuery().superProcessInstanceId(coi.getId())
                .processDefinitionKey(processKey).count();
    }

    @Test
    void once_the_hrc_adopts_both_new_york_tracks_run_in_parallel_and_the_review_follows_both() {
        reportPublished();
        hrcVote(vote("hrc", 30, 6, 11));

        assertThat(coi).hasPassed("hrc-track", "new-york-fork").isWaitingAt("unga-track", "unsc-track");
        assertThat(campaign.outcome(coi.getId(), "hrcOutcome")).isEqualTo("ADOPTED");
        assertThat(campaign.activeTaskKeys()).containsExactly("convene-arria-meeting", "draft-unga-resolution");

        generalAssemblyAdopts();
        assertThat(coi).hasPassed("unga-track").isWaitingAt("unsc-track").hasNotPassed("review-campaign");
        assertThat(campaign.activeTaskKeys()).containsExactly("convene-arria-meeting");

        councilPutsItOnTheAgenda();
        assertThat(coi).hasPassed("unsc-track", "new-york-join").isWaitingAt("review-campaign");
        assertThat(campaign.task("review-campaign")).hasCandidateGroup("MANAGER");

        campaign.complete("review-campaign", fields().string("summary", "All three forums acted on the report."));
        assertThat(coi).hasPassedInOrder("report-published", "hrc-track", "new-york-fork", "new-york-join",
                "review-campaign", "campaign-closed").hasNotPassed("campaign-abandoned").isEnded();
        assertThat(campaign.activeTaskKeys()).isEmpty();
    }

    @Test
    void the_review_waits_for_the_general_assembly_when_the_council_track_ends_first() {
        reportPublished();
        hrcVote(TaskFields.adoptedWithoutVote("hrc"));
        campaign.complete("convene-arria-meeting", fields().bool("held", false));
        campaign.complete("file-agenda-request", fields().date("date", LocalDate.of(2014, 6, 2))
                .names("signatories", 4).bool("withdrawn", true));
        campaign.complete("reconsider-council-strategy", fields().choice("decision", "CLOSE_TRACK"));
        assertThat(coi).hasPassed("unsc-track").isWaitingAt("unga-track").hasNotPassed("review-campaign");

        campaign.complete("draft-unga-resolution", UngaResolutionProcessTest.draft());
        campaign.complete("organize-side-event", fields().bool("held", false));
        campaign.complete("record-third-committee-vote", vote("thirdCommittee", 40, 90, 50));
        assertThat(coi).isWaitingAt("review-campaign");

        campaign.complete("review-campaign", fields().string("summary", "Neither New York track succeeded."));
        assertThat(coi).hasPassed("campaign-closed").isEnded();
    }

    @Test
    void an_hrc_redraft_loops_inside_the_hrc_track_before_new_york() {
        reportPublished();
        hrcVote(vote("hrc", 15, 20, 12));
        campaign.complete("review-hrc-strategy", fields().choice("decision", "REDRAFT"));
        assertThat(coi).isWaitingAt("hrc-track");
        assertThat(campaign.activeTaskKeys()).containsExactly("draft-hrc-resolution");

        hrcVote(vote("hrc", 30, 6, 11));
        assertThat(coi).isWaitingAt("unga-track", "unsc-track");
    }

    @Test
    void an_hrc_campaign_abandoned_ends_without_the_new_york_tracks() {
        reportPublished();
        hrcVote(vote("hrc", 15, 20, 12));
        campaign.complete("review-hrc-strategy", fields().choice("decision", "ABANDON"));

        assertThat(coi).hasPassed("hrc-track", "campaign-abandoned")
                .hasNotPassed("new-york-fork", "unga-track", "unsc-track", "review-campaign", "campaign-closed")
                .isEnded();
        assertThat(campaign.outcome(coi.getId(), "hrcOutcome")).isEqualTo("REJECTED");
        assertThat(calledInstancesEver("hrc-resolution")).isOne();
        assertThat(calledInstancesEver("unga-resolution")).isZero();
        assertThat(calledInstancesEver("unsc-agenda")).isZero();
    }
}
