package org.advocacy.engine.platform;

import static org.advocacy.engine.support.HttpCampaigns.DRAFT_HRC;
import static org.advocacy.engine.support.HttpCampaigns.PUBLISHED_ON;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.support.HttpCampaigns.Look;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may do what (SPEC §5): HTTP Basic for the API, COORDINATOR starts campaigns and does their
 * tasks, MANAGER reads everything and completes the campaign review, ADMIN runs operations; a
 * task claimed by one coordinator is not another's. Every refusal is a problem and writes nothing.
 */
@AppTest
class RolesIT extends ApiTest {

    private static final List<String> EVERY_USER = List.of("coordinator", "coordinator2", "manager", "admin");

    private String newCampaign() {
        return campaigns.launchFollowUp("Roles " + UUID.randomUUID(), PUBLISHED_ON);
    }

    private static Map<String, Object> launchBody(String title) {
        return Map.of("template", "coi-follow-up", "title", title, "reportSymbol", "A/HRC/25/63",
                "publishedOn", PUBLISHED_ON);
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.detail()).isNotBlank();
    }

    private boolean listed(String title) {
        return api.get("manager", "/api/campaigns?size=500").body().findValuesAsText("title").contains(title);
    }

    /** A GET with HTTP Basic credentials as given; the status, content type and body. */
    private Answer getWithPassword(String user, String password, String path) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + credentials).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? new ObjectMapper().createObjectNode()
                : new ObjectMapper().readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
    }

    @Test
    void a_request_without_credentials_is_refused_401_with_a_problem() {
        assertProblem(api.get(null, "/api/campaigns"), 401);
        assertProblem(api.get(null, "/api/templates"), 401);

        String title = "Anonymous " + UUID.randomUUID();
        assertProblem(api.post(null, "/api/campaigns", launchBody(title)), 401);
        assertThat(listed(title)).isFalse();
    }

    @Test
    void a_wrong_password_is_refused_401_with_a_problem() throws Exception {
        assertProblem(getWithPassword("coordinator", "not-the-password", "/api/campaigns"), 401);
        assertProblem(getWithPassword("manager", "", "/api/templates"), 401);
        assertThat(getWithPassword("coordinator", "coordinator", "/api/campaigns").status()).isEqualTo(200);
    }

    @Test
    void an_unknown_user_is_refused_401() {
        assertProblem(api.get("nobody", "/api/campaigns"), 401);
    }

    @Test
    void every_role_lists_the_templates_and_the_campaigns() {
        String id = newCampaign();
        for (String user : EVERY_USER) {
            Answer templates = api.get(user, "/api/templates");
            assertThat(templates.status()).as("templates for %s", user).isEqualTo(200);
            assertThat(templates.body().findValuesAsText("key")).as("templates for %s", user).contains("coi-follow-up");

            Answer list = api.get(user, "/api/campaigns?size=500");
            assertThat(list.status()).as("campaigns for %s", user).isEqualTo(200);
            assertThat(list.body().findValuesAsText("id")).as("campaigns for %s", user).contains(id);

            Answer campaign = api.get(user, "/api/campaigns/" + id);
            assertThat(campaign.status()).as("campaign for %s", user).isEqualTo(200);
            assertThat(campaign.body().path("status").asText()).isEqualTo("ACTIVE");

            Answer tasks = api.get(user, "/api/campaigns/" + id + "/tasks");
            assertThat(tasks.status()).as("tasks for %s", user).isEqualTo(200);
            assertThat(tasks.body().findValuesAsText("key")).containsExactly("draft-hrc-resolution");
        }
    }

    @Test
    void a_manager_cannot_start_a_campaign_403() {
        String title = "Manager launch " + UUID.randomUUID();

        assertProblem(api.post("manager", "/api/campaigns", launchBody(title)), 403);

        assertThat(listed(title)).isFalse();
    }

    @Test
    void an_admin_cannot_start_a_campaign_403() {
        String title = "Admin launch " + UUID.randomUUID();

        assertProblem(api.post("admin", "/api/campaigns", launchBody(title)), 403);

        assertThat(listed(title)).isFalse();
    }

    @Test
    void a_manager_cannot_claim_or_complete_a_coordinator_task_403_and_nothing_is_written() {
        String id = newCampaign();
        String draft = campaigns.awaitTask(id, "draft-hrc-resolution");
        Look before = campaigns.look(id);

        assertProblem(api.post("manager", "/api/tasks/" + draft + "/claim", Map.of()), 403);
        assertProblem(api.post("manager", "/api/tasks/" + draft + "/complete", DRAFT_HRC), 403);
        assertProblem(api.post("manager", "/api/campaigns/" + id + "/tasks/" + draft + "/complete", DRAFT_HRC), 403);

        assertThat(campaigns.look(id)).isEqualTo(before);
    }

    @Test
    void an_admin_cannot_claim_or_complete_a_task_403_and_nothing_is_written() {
        String id = newCampaign();
        String draft = campaigns.awaitTask(id, "draft-hrc-resolution");
        Look before = campaigns.look(id);

        assertProblem(api.post("admin", "/api/tasks/" + draft + "/claim", Map.of()), 403);
        assertProblem(api.post("admin", "/api/tasks/" + draft + "/complete", DRAFT_HRC), 403);

        assertThat(campaigns.look(id)).isEqualTo(before);
    }

    @Test
    void only_a_manager_completes_the_campaign_review_which_closes_the_campaign() {
        String id = newCampaign();
        String review = campaigns.atCampaignReview(id);
        JsonNode task = campaigns.tasks(id).get(0);
        assertThat(task.path("key").asText()).isEqualTo("review-campaign");
        assertThat(task.path("role").asText()).isEqualTo("MANAGER");
        Look before = campaigns.look(id);

        assertProblem(api.post("coordinator", "/api/tasks/" + review + "/claim", Map.of()), 403);
        assertProblem(api.post("coordinator", "/api/tasks/" + review + "/complete",
                Map.of("summary", "Reviewed by a coordinator")), 403);
        assertThat(campaigns.look(id)).isEqualTo(before);

        Answer reviewed = api.post("manager", "/api/tasks/" + review + "/complete",
                Map.of("summary", "The Council track ended without a meeting; the Third Committee rejected the draft."));

        assertThat(reviewed.status()).as("%s", reviewed.body()).isEqualTo(204);
        JsonNode campaign = campaigns.campaign(id);
        assertThat(campaign.path("status").asText()).isEqualTo("CLOSED");
        assertThat(campaign.path("activeTasks")).isEmpty();
        assertThat(campaign.path("outcomes").path("hrc").asText()).isEqualTo("ADOPTED");
        assertThat(campaign.path("outcomes").path("thirdCommittee").asText()).isEqualTo("REJECTED");
        assertThat(campaign.path("outcomes").path("councilAgenda").asText()).isEqualTo("NOT_HELD");
        assertThat(campaigns.history(id).findValuesAsText("actor")).contains("manager");
    }

    @Test
    void a_coordinator_reads_the_history_but_cannot_verify_it_403() {
        String id = newCampaign();

        Answer history = api.get("coordinator", "/api/campaigns/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get(0).path("type").asText()).isEqualTo("CampaignLaunched");

        assertProblem(api.get("coordinator", "/api/campaigns/" + id + "/verify"), 403);
    }

    @Test
    void a_manager_reads_the_history_and_verifies_it() {
        String id = newCampaign();

        assertThat(api.get("manager", "/api/campaigns/" + id + "/history").status()).isEqualTo(200);
        Answer verification = api.get("manager", "/api/campaigns/" + id + "/verify");

        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.body().path("valid").asBoolean()).isTrue();
    }

    @Test
    void an_admin_neither_reads_a_campaigns_history_nor_verifies_it_403() {
        String id = newCampaign();

        assertProblem(api.get("admin", "/api/campaigns/" + id + "/history"), 403);
        assertProblem(api.get("admin", "/api/campaigns/" + id + "/verify"), 403);
    }

    @Test
    void a_task_claimed_by_one_coordinator_is_neither_claimed_nor_completed_by_another_409() {
        String id = newCampaign();
        String draft = campaigns.awaitTask(id, "draft-hrc-resolution");
        assertThat(api.post("coordinator", "/api/tasks/" + draft + "/claim", Map.of()).status()).isEqualTo(204);
        Look claimed = campaigns.look(id);
        assertThat(campaigns.tasks(id).get(0).path("assignee").asText()).isEqualTo("coordinator");

        Answer claim = api.post("coordinator2", "/api/tasks/" + draft + "/claim", Map.of());
        Answer complete = api.post("coordinator2", "/api/tasks/" + draft + "/complete", DRAFT_HRC);

        assertProblem(claim, 409);
        assertThat(claim.detail()).contains("claimed by coordinator");
        assertProblem(complete, 409);
        assertThat(complete.detail()).contains("claimed by coordinator");
        assertThat(campaigns.look(id)).isEqualTo(claimed);

        Answer byClaimer = api.post("coordinator", "/api/tasks/" + draft + "/complete", DRAFT_HRC);
        assertThat(byClaimer.status()).as("%s", byClaimer.body()).isEqualTo(204);
        assertThat(campaigns.activeTaskKeys(id)).containsExactly("record-hrc-vote");
    }

    @Test
    void claiming_a_task_twice_as_the_same_coordinator_answers_204_and_records_one_claim() {
        String id = newCampaign();
        String draft = campaigns.awaitTask(id, "draft-hrc-resolution");

        Answer first = api.post("coordinator", "/api/tasks/" + draft + "/claim", Map.of());
        Look afterFirst = campaigns.look(id);
        Answer second = api.post("coordinator", "/api/campaigns/" + id + "/tasks/" + draft + "/claim", Map.of());

        assertThat(first.status()).as("%s", first.body()).isEqualTo(204);
        assertThat(second.status()).as("%s", second.body()).isEqualTo(204);
        assertThat(campaigns.look(id)).isEqualTo(afterFirst);
        assertThat(campaigns.eventTypes(id).stream().filter("TaskClaimed"::equals)).hasSize(1);
        assertThat(campaigns.tasks(id).get(0).path("assignee").asText()).isEqualTo("coordinator");
    }
}
