package org.advocacy.engine.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Speaks the public HTTP contract to a running app, as a given user (password = name). */
public final class ApiClient {

    /** An answer: its status, its content type, its body as JSON (missing when empty, text when not JSON), its headers. */
    public record Answer(int status, String contentType, JsonNode body, java.net.http.HttpHeaders headers) {
        public Answer(int status, String contentType, JsonNode body) {
            this(status, contentType, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
        }

        public String detail() {
            return body.path("detail").asText();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** The body of a GET as text, for exports; fails unless the status is 200. */
    public String text(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        authorize(user, request);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a GET as bytes, for downloads; fails unless the status is 200. */
    public byte[] bytes(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        authorize(user, request);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A header of a GET's answer, if it has it. */
    public java.util.Optional<String> header(String user, String path, String name) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        authorize(user, request);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Any request, with the headers given as name, value, ...: the raw answer, for tests that look
     * at answer headers or at bodies that are not JSON (Actuator's Prometheus text).
     */
    public HttpResponse<String> exchange(String user, String method, String path, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof String raw ? raw : JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (headers.length > 0) {
                request.headers(headers);
            }
            authorize(user, request);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST of a body that is no JSON, such as a BPMN file, with its content type. */
    public Answer postText(String user, String path, String contentType, String text) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    /** A POST with one more request header, such as If-Match. */
    public Answer post(String user, String path, Object body, String header, String value) {
        try {
            String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
            return send(user, HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header(header, value)
                    .POST(HttpRequest.BodyPublishers.ofString(text)));
        } catch (IOException unwritable) {
            throw new IllegalArgumentException(unwritable);
        }
    }

    public Answer post(String user, String path, Object body) {
        try {
            String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
            return send(user, HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(text)));
        } catch (IOException unwritable) {
            throw new IllegalArgumentException(unwritable);
        }
    }

    private static void authorize(String user, HttpRequest.Builder request) {
        if (user != null) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + credentials);
        }
    }

    /** The address of a path (already encoded) on the app. */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** Any request, as a given user (null: none). */
    public Answer send(String user, HttpRequest.Builder request) {
        authorize(user, request);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = response.body() == null || response.body().isBlank() ? MissingNode.getInstance()
                    : contentType.contains("json") ? JSON.readTree(response.body())
                    : com.fasterxml.jackson.databind.node.TextNode.valueOf(response.body());
            return new Answer(response.statusCode(), contentType, body, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
