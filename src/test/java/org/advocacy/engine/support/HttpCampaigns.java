package org.advocacy.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.support.ApiClient.Answer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Drives campaigns through the public HTTP contract for integration tests: launches them, waits for
 * a task key to be active, claims and completes steps, and takes a look at what a campaign holds
 * (its history and active tasks) so that a test can show that a refused request wrote nothing.
 */
public final class HttpCampaigns {

    /** The COI report's publication (A/HRC/25/63), the origin of the model campaign. */
    public static final String PUBLISHED_ON = "2014-02-17";

    public static final Map<String, Object> DRAFT_HRC = Map.of(
            "leadSponsors", List.of("Japan", "European Union"),
            "endorsesFindings", true,
            "requestsTransmissionToGeneralAssembly", true,
            "createsFieldStructure", true);

    /** Human Rights Council resolution 25/25 of 28 March 2014: 30 in favour, 6 against, 11 abstaining. */
    public static final Map<String, Object> HRC_ADOPTED = Map.of(
            "date", "2014-03-28", "symbol", "A/HRC/RES/25/25",
            "inFavour", 30, "against", 6, "abstaining", 11);

    public static final Map<String, Object> ARRIA_NOT_HELD = Map.of("held", false);

    /** Ten Council members asked for the meeting of 22 December 2014 (S/2014/872). */
    public static final List<String> TEN_SIGNATORIES = List.of("Australia", "Chile", "France", "Jordan",
            "Lithuania", "Luxembourg", "Republic of Korea", "Rwanda", "United Kingdom", "United States");

    private static final long WAIT_FOR_TASK_MILLIS = 5_000;

    private final ApiClient api;

    public HttpCampaigns(ApiClient api) {
        this.api = api;
    }

    /** What a refused request must leave exactly as it was. */
    public record Look(int historyEvents, long lastSequence, String status, List<String> activeTasks) {
    }

    /** Launches a coi-follow-up campaign whose report was published on {@code publishedOn}; its id. */
    public String launchFollowUp(String title, String publishedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", "coi-follow-up");
        body.put("title", title);
        body.put("reportSymbol", "A/HRC/25/63");
        body.put("publishedOn", publishedOn);
        return launch(body);
    }

    /** Launches a campaign from the given body (expects 201); its id. */
    public String launch(Map<String, Object> body) {
        Answer launched = api.post("coordinator", "/api/campaigns", body);
        assertThat(launched.status()).as("launch %s: %s", body, launched.body()).isEqualTo(201);
        return launched.body().get("id").asText();
    }

    /** A new coi-follow-up campaign whose HRC vote is the active task; the id of that task. */
    public String atHrcVote(String campaignId) {
        step(campaignId, "draft-hrc-resolution", DRAFT_HRC);
        return awaitTask(campaignId, "record-hrc-vote");
    }

    /** Drives the campaign past the HRC adoption and the Arria meeting to the request for a Council meeting; its task id. */
    public String atAgendaRequest(String campaignId) {
        atHrcVote(campaignId);
        step(campaignId, "record-hrc-vote", HRC_ADOPTED);
        step(campaignId, "convene-arria-meeting", ARRIA_NOT_HELD);
        return awaitTask(campaignId, "file-agenda-request");
    }

    /** Drives the campaign past the HRC adoption and up to the Security Council's procedural vote; its task id. */
    public String atProceduralVote(String campaignId) {
        atAgendaRequest(campaignId);
        step(campaignId, "file-agenda-request", Map.of("date", "2014-12-05", "symbol", "S/2014/872",
                "signatories", TEN_SIGNATORIES));
        return awaitTask(campaignId, "record-procedural-vote");
    }

    /**
     * Drives the campaign along its shortest path to the manager's review: the HRC adopts, the Third
     * Committee rejects, and the Council track is closed after a withdrawn request; the review's task id.
     */
    public String atCampaignReview(String campaignId) {
        atHrcVote(campaignId);
        step(campaignId, "record-hrc-vote", HRC_ADOPTED);
        step(campaignId, "draft-unga-resolution", Map.of("coSponsors", List.of("European Union"),
                "endorsesFindings", true, "encouragesIccReferral", true));
        step(campaignId, "organize-side-event", Map.of("held", false));
        step(campaignId, "record-third-committee-vote", Map.of("date", "2014-11-18",
                "inFavour", 50, "against", 100, "abstaining", 43));
        step(campaignId, "convene-arria-meeting", ARRIA_NOT_HELD);
        step(campaignId, "file-agenda-request", Map.of("date", "2014-12-05", "signatories", List.of("France"),
                "withdrawn", true));
        step(campaignId, "reconsider-council-strategy", Map.of("decision", "CLOSE_TRACK"));
        return awaitTask(campaignId, "review-campaign");
    }

    /** Claims and completes the active task of that key as the coordinator; expects 204 twice. */
    public void step(String campaignId, String key, Object fields) {
        step("coordinator", campaignId, key, fields);
    }

    public void step(String user, String campaignId, String key, Object fields) {
        String taskId = awaitTask(campaignId, key);
        Answer claimed = api.post(user, "/api/tasks/" + taskId + "/claim", Map.of());
        assertThat(claimed.status()).as("claim %s: %s", key, claimed.body()).isEqualTo(204);
        Answer completed = api.post(user, "/api/tasks/" + taskId + "/complete", fields);
        assertThat(completed.status()).as("complete %s: %s", key, completed.body()).isEqualTo(204);
    }

    /** The id of the active task of that key, waiting briefly for it to become active. */
    public String awaitTask(String campaignId, String key) {
        long deadline = System.currentTimeMillis() + WAIT_FOR_TASK_MILLIS;
        List<String> seen = List.of();
        while (System.currentTimeMillis() < deadline) {
            JsonNode tasks = tasks(campaignId);
            for (JsonNode task : tasks) {
                if (task.path("key").asText().equals(key)) {
                    return task.get("id").asText();
                }
            }
            seen = tasks.findValuesAsText("key");
            pause();
        }
        throw new AssertionError("task " + key + " did not become active in " + campaignId + "; active: " + seen);
    }

    public JsonNode tasks(String campaignId) {
        Answer tasks = api.get("coordinator", "/api/campaigns/" + campaignId + "/tasks");
        assertThat(tasks.status()).as("tasks of %s: %s", campaignId, tasks.body()).isEqualTo(200);
        return tasks.body();
    }

    public List<String> activeTaskKeys(String campaignId) {
        return tasks(campaignId).findValuesAsText("key");
    }

    public JsonNode campaign(String campaignId) {
        Answer campaign = api.get("manager", "/api/campaigns/" + campaignId);
        assertThat(campaign.status()).as("campaign %s: %s", campaignId, campaign.body()).isEqualTo(200);
        return campaign.body();
    }

    /** The campaign's whole history as the manager reads it. */
    public JsonNode history(String campaignId) {
        Answer history = api.get("manager", "/api/campaigns/" + campaignId + "/history?size=1000");
        assertThat(history.status()).as("history of %s: %s", campaignId, history.body()).isEqualTo(200);
        return history.body();
    }

    /** The types of the campaign's events, in order. */
    public List<String> eventTypes(String campaignId) {
        List<String> types = new ArrayList<>();
        history(campaignId).forEach(entry -> types.add(entry.path("type").asText()));
        return types;
    }

    /** The campaign's history count, last sequence, status and active tasks (id, key and assignee). */
    public Look look(String campaignId) {
        JsonNode campaign = campaign(campaignId);
        List<String> tasks = new ArrayList<>();
        for (JsonNode task : tasks(campaignId)) {
            tasks.add(task.path("id").asText() + " " + task.path("key").asText() + " " + task.path("assignee").asText());
        }
        return new Look(history(campaignId).size(), campaign.path("lastSequence").asLong(),
                campaign.path("status").asText(), tasks);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
