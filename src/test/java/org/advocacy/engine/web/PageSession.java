package org.advocacy.engine.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's session with the pages, without a browser: signs in through the form and keeps the cookie. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public record Page(int status, String location, String body, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    private final int port;
    private final HttpClient client;

    private PageSession(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static PageSession anonymous(int port) {
        return new PageSession(port);
    }

    public static PageSession signedIn(int port, String user) {
        PageSession session = new PageSession(port);
        Page answer = session.post("/login", session.csrf("/login"), Map.of("username", user, "password", user));
        if (answer.status() != 302 || answer.location().contains("error")) {
            throw new IllegalStateException(user + " could not sign in: " + answer.status() + " " + answer.location());
        }
        return session;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** The CSRF token that a page's forms carry. */
    String csrf(String path) {
        Matcher token = CSRF.matcher(get(path).body());
        if (!token.find()) {
            throw new IllegalStateException(path + " carries no CSRF token");
        }
        return token.group(1);
    }

    /** Posts a form; {@code csrf} null posts it without a token. */
    Page post(String path, String csrf, Map<String, String> fields) {
        return post(path, csrf, List.copyOf(fields.entrySet()));
    }

    /** Uploads one file as a multipart form, with the CSRF token as the form's other field. */
    Page upload(String path, String csrf, String field, String fileName, String contentType, String content) {
        return upload(path, csrf, field, fileName, contentType, content, Map.of());
    }

    /** Uploads one file as a multipart form, with the CSRF token and {@code fields} as the form's other fields. */
    Page upload(String path, String csrf, String field, String fileName, String contentType, String content,
                Map<String, String> fields) {
        String boundary = "----campaigns" + System.nanoTime();
        StringBuilder others = new StringBuilder();
        fields.forEach((name, value) -> others.append("--").append(boundary).append("\r\nContent-Disposition: form-data;"
                + " name=\"").append(name).append("\"\r\n\r\n").append(value)
                .append("\r\n"));
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + others + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form as a body of no declared length (chunked), as a client that streams it does. */
    Page postChunked(String path, String csrf, List<Map.Entry<String, String>> fields) {
        byte[] form = encoded(csrf, fields).getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(form))).build());
    }

    /** Posts a form whose fields may repeat (a list of names); {@code csrf} null posts it without a token. */
    Page post(String path, String csrf, List<Map.Entry<String, String>> fields) {
        String form = encoded(csrf, fields);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String encoded(String csrf, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        if (csrf != null) {
            all.add(Map.entry("_csrf", csrf));
        }
        return all.stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(""),
                    response.body(), response.headers());
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
