package org.advocacy.engine.tasks;

import static org.advocacy.engine.support.HttpCampaigns.PUBLISHED_ON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** GET /api/tasks: a coordinator's inbox through the API, across campaigns. */
@AppTest
class TaskListIT extends ApiTest {

    private List<String> ids(Answer answer) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body().findValuesAsText("id");
    }

    @Test
    void a_coordinator_sees_the_unclaimed_tasks_of_the_role_and_their_own_claims_not_another_coordinators() {
        String campaign = campaigns.launchFollowUp("Inbox API " + UUID.randomUUID(), PUBLISHED_ON);
        String draft = campaigns.awaitTask(campaign, "draft-hrc-resolution");
        String mine = "/api/tasks?campaign=" + campaign;

        JsonNode listed = api.get("coordinator", mine).body();
        assertThat(ids(api.get("coordinator", mine))).containsExactly(draft);
        assertThat(listed.get(0).path("key").asText()).isEqualTo("draft-hrc-resolution");
        assertThat(listed.get(0).path("campaignId").asText()).isEqualTo(campaign);
        assertThat(listed.get(0).path("role").asText()).isEqualTo("COORDINATOR");
        assertThat(listed.get(0).path("assignee").isNull()).isTrue();

        assertThat(api.post("coordinator2", "/api/tasks/" + draft + "/claim", Map.of()).status()).isEqualTo(204);

        assertThat(ids(api.get("coordinator", mine))).isEmpty();
        assertThat(ids(api.get("coordinator2", mine))).containsExactly(draft);
        assertThat(ids(api.get("manager", mine))).as("a manager's own inbox holds no coordinator's task").isEmpty();
        assertThat(ids(api.get("manager", mine + "&scope=all"))).containsExactly(draft);
    }

    @Test
    void the_list_is_paged_in_its_order_and_filters_by_task_key() {
        String first = campaigns.launchFollowUp("Inbox paging " + UUID.randomUUID(), PUBLISHED_ON);
        String second = campaigns.launchFollowUp("Inbox paging " + UUID.randomUUID(), PUBLISHED_ON);
        campaigns.awaitTask(first, "draft-hrc-resolution");
        campaigns.awaitTask(second, "draft-hrc-resolution");

        List<String> all = ids(api.get("coordinator", "/api/tasks?size=200&taskKey=draft-hrc-resolution"));
        List<String> firstPage = ids(api.get("coordinator", "/api/tasks?size=1&page=0&taskKey=draft-hrc-resolution"));
        List<String> secondPage = ids(api.get("coordinator", "/api/tasks?size=1&page=1&taskKey=draft-hrc-resolution"));

        assertThat(all.size()).isGreaterThanOrEqualTo(2);
        assertThat(firstPage).containsExactly(all.get(0));
        assertThat(secondPage).containsExactly(all.get(1));
        assertThat(ids(api.get("coordinator", "/api/tasks?taskKey=no-such-task"))).isEmpty();
    }

    @Test
    void bad_paging_another_scope_and_a_coordinator_asking_for_every_task_are_refused() {
        assertThat(api.get("coordinator", "/api/tasks?size=0").status()).isEqualTo(400);
        assertThat(api.get("coordinator", "/api/tasks?size=201").status()).isEqualTo(400);
        assertThat(api.get("coordinator", "/api/tasks?page=-1").status()).isEqualTo(400);
        assertThat(api.get("coordinator", "/api/tasks?scope=others").status()).isEqualTo(400);
        assertThat(api.get("coordinator", "/api/tasks?scope=all").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/tasks").status()).isEqualTo(401);
    }
}
