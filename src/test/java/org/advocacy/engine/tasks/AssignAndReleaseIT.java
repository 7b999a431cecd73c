package org.advocacy.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.junit.jupiter.api.Test;

/** A manager gives tasks to users of the task's role; an assignee, or a manager, gives them back. */
@AppTest
class AssignAndReleaseIT extends ApiTest {

    private String firstTask(String campaignId) {
        return campaigns.awaitTask(campaignId, "draft-hrc-resolution");
    }

    @Test
    void a_manager_assigns_a_task_to_a_coordinator_who_may_then_complete_it_and_the_record_says_who_assigned_it() {
        String campaign = campaigns.launchFollowUp("Assigned by a manager", "2014-02-17");
        String task = firstTask(campaign);

        Answer assigned = api.post("manager", "/api/tasks/" + task + "/assign", Map.of("assignee", "coordinator2"));

        assertThat(assigned.status()).isEqualTo(204);
        assertThat(campaigns.tasks(campaign).get(0).get("assignee").asText()).isEqualTo("coordinator2");
        assertThat(api.post("coordinator", "/api/tasks/" + task + "/complete", HttpCampaigns.DRAFT_HRC).status())
                .isEqualTo(409);
        assertThat(api.post("coordinator2", "/api/tasks/" + task + "/complete", HttpCampaigns.DRAFT_HRC).status())
                .isEqualTo(204);
        assertThat(campaigns.eventTypes(campaign)).containsOnlyOnce("TaskAssigned");
        var entry = java.util.stream.StreamSupport.stream(campaigns.history(campaign).spliterator(), false)
                .filter(event -> event.get("type").asText().equals("TaskAssigned")).findFirst().orElseThrow();
        assertThat(entry.get("actor").asText()).isEqualTo("manager");
        assertThat(entry.get("payload").get("assignee").asText()).isEqualTo("coordinator2");
    }

    @Test
    void assigning_to_someone_who_is_not_a_user_of_the_tasks_role_is_refused_and_changes_nothing() {
        String campaign = campaigns.launchFollowUp("Assigned to nobody", "2014-02-17");
        String task = firstTask(campaign);
        int before = campaigns.look(campaign).historyEvents();

        Answer unknown = api.post("manager", "/api/tasks/" + task + "/assign", Map.of("assignee", "somebody"));
        Answer wrongRole = api.post("manager", "/api/tasks/" + task + "/assign", Map.of("assignee", "admin"));
        Answer missing = api.post("manager", "/api/tasks/" + task + "/assign", Map.of());

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.detail()).contains("no COORDINATOR is named somebody").contains("coordinator2");
        assertThat(wrongRole.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(campaigns.look(campaign).historyEvents()).isEqualTo(before);
    }

    @Test
    void only_a_manager_assigns() {
        String campaign = campaigns.launchFollowUp("Assigned by a coordinator", "2014-02-17");
        String task = firstTask(campaign);

        assertThat(api.post("coordinator", "/api/tasks/" + task + "/assign", Map.of("assignee", "coordinator2"))
                .status()).isEqualTo(403);
    }

    @Test
    void the_assignee_releases_a_task_and_another_coordinator_may_then_claim_it() {
        String campaign = campaigns.launchFollowUp("Released", "2014-02-17");
        String task = firstTask(campaign);
        assertThat(api.post("coordinator", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);

        assertThat(api.post("coordinator2", "/api/tasks/" + task + "/release", null).status()).isEqualTo(409);
        assertThat(api.post("coordinator", "/api/tasks/" + task + "/release", null).status()).isEqualTo(204);

        assertThat(campaigns.tasks(campaign).get(0).get("assignee").isNull()).isTrue();
        assertThat(api.post("coordinator2", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);
        assertThat(campaigns.eventTypes(campaign)).containsSubsequence("TaskClaimed", "TaskReleased", "TaskClaimed");
    }

    @Test
    void a_manager_takes_a_task_back_from_its_assignee() {
        String campaign = campaigns.launchFollowUp("Taken back", "2014-02-17");
        String task = firstTask(campaign);
        api.post("coordinator", "/api/tasks/" + task + "/claim", null);

        assertThat(api.post("manager", "/api/tasks/" + task + "/release", null).status()).isEqualTo(204);

        assertThat(campaigns.tasks(campaign).get(0).get("assignee").isNull()).isTrue();
    }
}
