package org.advocacy.engine.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Clients as a careful integrator writes one: each client's requests go to the instances in turn,
 * and a request that got no answer (the instance died, the connection dropped, it timed out) or
 * a 503 is sent again, to the other instance, with the same Idempotency-Key.
 */
final class FailoverClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 400;
    private static final Duration PAUSE = Duration.ofMillis(300);

    record Answer(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Instance> instances;
    /** Each client thread alternates between the instances on its own. */
    private final ThreadLocal<int[]> turn = ThreadLocal.withInitial(() -> new int[1]);
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();

    FailoverClient(List<Instance> instances) {
        this.instances = instances;
    }

    Answer get(String user, String path) {
        return send(user, "GET", path, null, null);
    }

    /** A POST with a fresh Idempotency-Key, kept across its retries. */
    Answer post(String user, String path, Object body) {
        return send(user, "POST", path, body, UUID.randomUUID().toString());
    }

    private Answer send(String user, String method, String path, Object body, String key) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instance instance = instances.get(Math.floorMod(turn.get()[0]++, instances.size()));
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + instance.port + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
                if (key != null) {
                    request.header("Idempotency-Key", key);
                }
                if (body == null) {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    request.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 503) {
                    unavailable.incrementAndGet();
                    pause(attempt);
                    continue;
                }
                JsonNode json = response.body() == null || response.body().isBlank() ? MissingNode.getInstance()
                        : JSON.readTree(response.body());
                return new Answer(response.statusCode(), json);
            } catch (IOException noAnswer) {
                last = new IllegalStateException(method + " " + path + " got no answer from instance " + instance.name
                        + ": " + noAnswer, noAnswer);
                retries.incrementAndGet();
                pause(attempt);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        throw new IllegalStateException(method + " " + path + " was never answered in " + ATTEMPTS + " attempts", last);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(PAUSE.toMillis() * Math.min(attempt + 1, 5));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The id of the campaign's active task of that key, waiting while it is not open yet. */
    String awaitTask(String campaignId, String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Answer campaign = get("manager", "/api/campaigns/" + campaignId);
            if (campaign.status() != 200) {
                throw new IllegalStateException("GET campaign " + campaignId + " answered " + campaign.status() + ": "
                        + campaign.body());
            }
            for (JsonNode task : campaign.body().path("activeTasks")) {
                if (key.equals(task.path("key").asText())) {
                    return task.path("id").asText();
                }
            }
            pause(0);
        }
        throw new IllegalStateException("campaign " + campaignId + " never opened task " + key);
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int index = 0; index < pairs.length; index += 2) {
            map.put((String) pairs[index], pairs[index + 1]);
        }
        return map;
    }
}
