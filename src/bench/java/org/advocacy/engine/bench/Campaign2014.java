package org.advocacy.engine.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The model case, the 2014 follow-up of the DPRK Commission of Inquiry (the app's own
 * {@code demo/dprk-2014.json}, the scenario that the acceptance test drives), driven through the
 * HTTP API as a client would: launch, then for each step find its task among the campaign's active
 * tasks, claim it and complete it.
 */
final class Campaign2014 {

    /** One step: the task's key, whether a manager takes it, and the fields it is completed with. */
    record Step(String task, boolean byManager, JsonNode fields) {
    }

    /** Who drives a campaign: a coordinator, and a manager for the manager's steps. */
    record Client(Api coordinator, Api manager) {
        static Client on(int port, String coordinator) {
            return new Client(new Api(port, coordinator), new Api(port, AppUnderTest.MANAGER));
        }
    }

    private static final JsonNode SCENARIO = load();
    static final List<Step> STEPS = steps();

    private Campaign2014() {
    }

    /** Launches a campaign of the 2014 template with the 2014 start fields; its id. */
    static String launch(Api coordinator) {
        return coordinator.post("/api/campaigns", SCENARIO.get("start"), 201).get("id").asText();
    }

    /** Launches and runs one campaign as the first coordinator; its id. */
    static String runOne(int port) {
        Client client = Client.on(port, AppUnderTest.coordinator(1));
        String id = launch(client.coordinator());
        run(client, id);
        return id;
    }

    /** Every step, in order. */
    static void run(Client client, String campaignId) {
        STEPS.forEach(step -> step(client, campaignId, step));
    }

    /** One step: find the task, claim it, complete it (three requests, two transactions). */
    static void step(Client client, String campaignId, Step step) {
        Api api = step.byManager() ? client.manager() : client.coordinator();
        String taskId = null;
        for (JsonNode task : api.get("/api/campaigns/" + campaignId + "/tasks")) {
            if (task.get("key").asText().equals(step.task())) {
                taskId = task.get("id").asText();
            }
        }
        if (taskId == null) {
            throw new IllegalStateException("campaign " + campaignId + " has no active task " + step.task());
        }
        api.post("/api/tasks/" + taskId + "/claim", Map.of(), 204);
        api.post("/api/tasks/" + taskId + "/complete", step.fields(), 204);
    }

    private static JsonNode load() {
        try (InputStream in = Campaign2014.class.getResourceAsStream("/demo/dprk-2014.json")) {
            if (in == null) {
                throw new IllegalStateException("demo/dprk-2014.json is not on the classpath");
            }
            return Api.JSON.readTree(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : SCENARIO.get("steps")) {
            steps.add(new Step(step.get("task").asText(), "manager".equals(step.path("as").asText()), step.get("fields")));
        }
        return List.copyOf(steps);
    }
}
