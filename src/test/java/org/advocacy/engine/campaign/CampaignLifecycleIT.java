package org.advocacy.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.support.HttpCampaigns.Look;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A manager suspends, resumes and cancels a campaign through the API: each is an event on its
 * record; a suspended campaign's tasks are refused (409 with the reason) and its six-month timer
 * waits; a cancelled campaign's workflow ends and its open tasks are cancelled.
 */
@AppTest
class CampaignLifecycleIT extends ApiTest {

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void a_suspended_campaign_refuses_its_steps_with_the_reason_and_its_timer_waits_until_it_resumes() {
        String campaign = campaigns.launchFollowUp("Suspended for a while", HttpCampaigns.PUBLISHED_ON);
        campaigns.atAgendaRequest(campaign);
        String task = campaigns.awaitTask(campaign, "file-agenda-request");
        Job timer = escalationTimer(campaign);
        assertThat(timer.isSuspended()).isFalse();

        Answer suspended = api.post("manager", "/api/campaigns/" + campaign + "/suspend",
                Map.of("reason", "Waiting for the December programme of work"));
        assertThat(suspended.status()).isEqualTo(204);
        Look whileSuspended = campaigns.look(campaign);
        assertThat(whileSuspended.status()).isEqualTo("SUSPENDED");
        assertThat(campaigns.campaign(campaign).path("statusReason").asText())
                .isEqualTo("Waiting for the December programme of work");
        assertThat(escalationTimer(campaign).isSuspended()).isTrue();

        Answer claim = api.post("coordinator", "/api/tasks/" + task + "/claim", Map.of());
        assertThat(claim.status()).isEqualTo(409);
        assertThat(claim.contentType()).startsWith("application/problem+json");
        assertThat(claim.body().path("reason").asText()).isEqualTo("CAMPAIGN_SUSPENDED");
        assertThat(claim.detail()).contains("is suspended (Waiting for the December programme of work)");
        Answer complete = api.post("coordinator", "/api/tasks/" + task + "/complete", Map.of("date", "2014-12-05",
                "signatories", HttpCampaigns.TEN_SIGNATORIES));
        assertThat(complete.status()).isEqualTo(409);
        assertThat(api.post("manager", "/api/campaigns/" + campaign + "/suspend", Map.of("reason", "again")).status())
                .isEqualTo(409);
        assertThat(campaigns.look(campaign)).isEqualTo(whileSuspended);

        JsonNode inbox = api.get("coordinator", "/api/tasks?campaign=" + campaign).body();
        assertThat(inbox.findValuesAsText("campaignStatus")).isNotEmpty().containsOnly("SUSPENDED");
        String page = org.advocacy.engine.web.PageSession.signedIn(port, "coordinator").get("/inbox?campaign=" + campaign).body();
        assertThat(page).contains("campaign suspended").doesNotContain("/tasks/" + task + "/claim");

        assertThat(api.post("manager", "/api/campaigns/" + campaign + "/resume", Map.of()).status()).isEqualTo(204);
        assertThat(org.advocacy.engine.web.PageSession.signedIn(port, "coordinator").get("/inbox?campaign=" + campaign)
                .body()).doesNotContain("campaign suspended").contains("/tasks/" + task + "/claim");
        assertThat(campaigns.campaign(campaign).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(escalationTimer(campaign).isSuspended()).isFalse();
        assertThat(api.post("coordinator", "/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(204);
        assertThat(types(campaign)).containsSubsequence("CampaignSuspended", "CampaignResumed", "TaskClaimed");
    }

    @Test
    void a_cancelled_campaign_ends_its_workflow_cancels_its_open_tasks_and_takes_no_more_steps() {
        String campaign = campaigns.launchFollowUp("Cancelled", HttpCampaigns.PUBLISHED_ON);
        campaigns.atAgendaRequest(campaign);
        assertThat(campaigns.look(campaign).activeTasks()).hasSize(2);
        String task = campaigns.awaitTask(campaign, "file-agenda-request");

        assertThat(api.post("manager", "/api/campaigns/" + campaign + "/cancel", Map.of("reason", " ")).status())
                .isEqualTo(400);
        Answer cancelled = api.post("manager", "/api/campaigns/" + campaign + "/cancel",
                Map.of("reason", "Superseded by the 2015 campaign"));

        assertThat(cancelled.status()).isEqualTo(204);
        JsonNode now = campaigns.campaign(campaign);
        assertThat(now.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(now.path("stage").asText()).isEqualTo("cancelled");
        assertThat(now.path("activeTasks")).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(campaign).count()).isZero();
        List<String> types = types(campaign);
        assertThat(types.subList(types.indexOf("CampaignCancelled"), types.size()))
                .containsExactly("CampaignCancelled", "TaskCancelled", "TaskCancelled");
        Look after = campaigns.look(campaign);
        assertThat(api.post("coordinator", "/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(409);
        assertThat(api.post("manager", "/api/campaigns/" + campaign + "/resume", Map.of()).status()).isEqualTo(409);
        assertThat(api.post("manager", "/api/campaigns/" + campaign + "/cancel", Map.of("reason", "twice")).status())
                .isEqualTo(409);
        assertThat(campaigns.look(campaign)).isEqualTo(after);
        assertThat(api.get("manager", "/api/campaigns/" + campaign + "/verify").body().path("valid").asBoolean()).isTrue();
    }

    @Test
    void only_a_manager_suspends_resumes_or_cancels_and_an_unknown_campaign_is_404() {
        String campaign = campaigns.launchFollowUp("Not the coordinator's to stop", HttpCampaigns.PUBLISHED_ON);
        for (String change : List.of("suspend", "resume", "cancel")) {
            assertThat(api.post("coordinator", "/api/campaigns/" + campaign + "/" + change, Map.of("reason", "no"))
                    .status()).as(change).isEqualTo(403);
            assertThat(api.post("admin", "/api/campaigns/" + campaign + "/" + change, Map.of("reason", "no"))
                    .status()).as(change).isEqualTo(403);
            assertThat(api.post("manager", "/api/campaigns/no-such-campaign/" + change, Map.of("reason", "no"))
                    .status()).as(change).isEqualTo(404);
        }
        assertThat(api.post("manager", "/api/campaigns/" + campaign + "/suspend", Map.of("reason", 42)).status())
                .isEqualTo(400);
        assertThat(campaigns.campaign(campaign).path("status").asText()).isEqualTo("ACTIVE");
    }

    private Job escalationTimer(String campaign) {
        String unsc = runtime.createProcessInstanceQuery().processInstanceBusinessKey(campaign)
                .processDefinitionKey("unsc-agenda").singleResult().getId();
        return management.createJobQuery().processInstanceId(unsc).timers().singleResult();
    }

    private List<String> types(String campaign) {
        List<String> types = new java.util.ArrayList<>();
        campaigns.history(campaign).forEach(event -> types.add(event.path("type").asText()));
        return types;
    }
}
