package org.advocacy.engine.platform;

import static org.advocacy.engine.support.HttpCampaigns.DRAFT_HRC;
import static org.advocacy.engine.support.HttpCampaigns.HRC_ADOPTED;
import static org.advocacy.engine.support.HttpCampaigns.PUBLISHED_ON;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.Hostile;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.support.SharedApp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile requests at scale, against every /api route: bodies of the wrong shape, type and size,
 * paths and query strings made to break something. Each is refused 4xx with a problem that names
 * no code, the security headers are on the answer, no table that a request could write changes,
 * and the app still serves a normal request after it.
 */
class HostileRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1024 * 1024;
    private static final int MAX_EVIDENCE_BODY = 32 * 1024 * 1024;

    private static ApiClient api;
    private static String campaign;
    private static String draftTask;
    private static String voteTask;

    /** A JSON value written as it stands: numbers no Java type holds, nesting deeper than any form. */
    record Raw(String json) {
    }

    /** Where a body goes, as whom, and the body that would be taken there. */
    record Target(String user, String path, Map<String, Object> valid) {
    }

    /** A body: its bytes, its content type, and what it is, for the report. */
    record Body(byte[] bytes, String contentType, String what) {
        @Override
        public String toString() {
            return what + " (" + bytes.length + " bytes, " + contentType + ")";
        }
    }

    @BeforeContainer
    static void openTasksOnTheSharedApp() {
        api = new ApiClient(SharedApp.port());
        HttpCampaigns campaigns = new HttpCampaigns(api);
        campaign = campaigns.launchFollowUp("Hostile requests " + UUID.randomUUID(), PUBLISHED_ON);
        draftTask = campaigns.awaitTask(campaign, "draft-hrc-resolution");
        voteTask = campaigns.atHrcVote(campaigns.launchFollowUp("Hostile votes " + UUID.randomUUID(), PUBLISHED_ON));
    }

    private static List<Target> bodyTargets() {
        Map<String, Object> launch = new LinkedHashMap<>();
        launch.put("template", "coi-follow-up");
        launch.put("title", "A hostile launch");
        launch.put("reportSymbol", "A/HRC/25/63");
        launch.put("publishedOn", PUBLISHED_ON);
        return List.of(
                new Target("coordinator", "/api/campaigns", launch),
                new Target("coordinator", "/api/tasks/" + draftTask + "/complete", DRAFT_HRC),
                new Target("coordinator", "/api/campaigns/" + campaign + "/tasks/" + draftTask + "/complete", DRAFT_HRC),
                new Target("coordinator", "/api/tasks/" + voteTask + "/complete", HRC_ADOPTED),
                new Target("manager", "/api/tasks/" + draftTask + "/assign", Map.of("assignee", "coordinator2")),
                new Target("manager", "/api/campaigns/" + campaign + "/verify",
                        Map.of("statement", "campaign-checkpoint/1", "signature", "AAAA", "publicKey", "AAAA")),
                new Target("admin", "/api/admin/evidence", Map.of("format", "campaign-events/2", "campaignId", campaign,
                        "events", List.of())),
                new Target("coordinator", "/api/campaigns/" + campaign + "/positions/councilAgenda", Map.of("year", 2014,
                        "positions", List.of(Map.of("member", "France", "position", "YES")))),
                new Target("coordinator", "/api/campaigns/" + campaign + "/electorate/councilAgenda", Map.of("year", 2015)));
    }

    // ---- bodies

    @Property(tries = 250)
    void a_hostile_body_is_refused_with_a_problem_and_nothing_is_written(@ForAll("targets") Target target,
                                                                         @ForAll("hostileBodies") Body body) {
        Answer answer = Hostile.nothingWritten(() -> post(target, body), target.path() + " " + body);

        assertRefused(answer, "POST " + target.path() + " with " + body);
        assertStillServing();
    }

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.of(bodyTargets());
    }

    @Provide
    Arbitrary<Body> hostileBodies() {
        return Arbitraries.oneOf(Arbitraries.of(bodyTargets()).flatMap(this::mutated), malformed());
    }

    /** A body of the target's form with fields replaced by values no field takes, and unknown fields added. */
    private Arbitrary<Body> mutated(Target target) {
        List<String> fields = List.copyOf(target.valid().keySet());
        Arbitrary<Map<String, Object>> replaced = Combinators.combine(Arbitraries.of(fields), neverAcceptedValues())
                .as((field, value) -> with(target.valid(), field, value));
        Arbitrary<Map<String, Object>> unknown = Combinators.combine(unknownFieldNames(), anyValues())
                .as((field, value) -> with(target.valid(), field, value));
        return Arbitraries.oneOf(replaced, unknown).list().ofMinSize(1).ofMaxSize(3)
                .map(bodies -> {
                    Map<String, Object> merged = new LinkedHashMap<>();
                    bodies.forEach(merged::putAll);
                    return new Body(write(merged).getBytes(StandardCharsets.UTF_8), "application/json",
                            "mutated " + abbreviate(merged.keySet().toString()));
                });
    }

    private static Arbitrary<String> unknownFieldNames() {
        return Arbitraries.oneOf(Arbitraries.of("actor", "assignee", "completedBy", "user", "__proto__", "constructor",
                "id", "sequence", "hash", "template", "title"), Hostile.strings())
                .filter(name -> !List.of("template", "title").contains(name));
    }

    /** Values that no field of any form accepts, whatever its type. */
    private static Arbitrary<Object> neverAcceptedValues() {
        return Arbitraries.oneOf(
                Hostile.neverAcceptedStrings().map(text -> (Object) text),
                Arbitraries.of(new Raw("1e400"), new Raw("-1e400"), new Raw("-1"), new Raw("0.5"),
                        new Raw("9".repeat(40)), new Raw("-" + "9".repeat(40)), new Raw("{}"), new Raw("[[]]"),
                        new Raw("[1, 2, 3]"), new Raw("{\"$gt\": \"\"}"), new Raw("[null]"), new Raw("[\"\\u0000\"]")),
                Arbitraries.integers().between(2, 200).map(depth -> (Object) new Raw("[".repeat(depth) + "]".repeat(depth))),
                Arbitraries.integers().between(2, 200).map(depth -> (Object) new Raw("{\"a\":".repeat(depth) + "1"
                        + "}".repeat(depth))),
                Arbitraries.integers().between(500, 5000).map(size -> (Object) IntStream.range(0, size)
                        .mapToObj(i -> "Name " + i).toList()));
    }

    private static Arbitrary<Object> anyValues() {
        return Arbitraries.oneOf(neverAcceptedValues(), Hostile.strings().map(text -> (Object) text),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE, 0, 1, "manager", "admin").map(value -> (Object) value));
    }

    /** Bodies that are not a JSON object at all, or not JSON, or not UTF-8. */
    private static Arbitrary<Body> malformed() {
        Arbitrary<String> texts = Arbitraries.oneOf(
                Arbitraries.of("", " ", "null", "[]", "[{}]", "\"text\"", "42", "true", "{", "}", "{\"a\":}", "{\"a\" 1}",
                        "{'single': 'quotes'}", "{\"a\":1,}", "{\"a\":NaN}", "{\"a\":Infinity}", "\uFEFF{}", "{\"a\":1}{\"b\":2}",
                        "<xml/>", "a=1&b=2", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\x00\"}"),
                Arbitraries.integers().between(1001, 3000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(1001, 3000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
                Arbitraries.integers().between(1001, 5000).map(digits -> "{\"title\": " + "7".repeat(digits) + "}"),
                Hostile.strings());
        Arbitrary<Body> jsonTexts = texts.map(text -> new Body(text.getBytes(StandardCharsets.UTF_8), "application/json",
                "text " + abbreviate(text)));
        Arbitrary<Body> notUtf8 = Arbitraries.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xFF, (byte) 0xFE},
                        new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80},
                        new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{0})
                .map(bytes -> {
                    byte[] head = "{\"title\": \"".getBytes(StandardCharsets.UTF_8);
                    byte[] body = new byte[head.length + bytes.length + 2];
                    System.arraycopy(head, 0, body, 0, head.length);
                    System.arraycopy(bytes, 0, body, head.length, bytes.length);
                    body[body.length - 2] = '"';
                    body[body.length - 1] = '}';
                    return new Body(body, "application/json", "invalid UTF-8 " + java.util.HexFormat.of().formatHex(bytes));
                });
        Arbitrary<Body> wrongType = Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=nonsense", "application/octet-stream", "*/*")
                .map(type -> new Body("{}".getBytes(StandardCharsets.UTF_8), type, "content type " + type));
        return Arbitraries.oneOf(jsonTexts, notUtf8, wrongType);
    }

    // ---- paths

    @Property(tries = 200)
    void a_hostile_path_is_refused_with_a_problem_and_nothing_is_written(@ForAll("routesWithIds") String route,
                                                                         @ForAll("hostileIds") String id) {
        String path = route.replace("{id}", encode(id));
        String method = route.startsWith("POST ") ? "POST" : "GET";
        String address = path.substring(method.length() + 1);
        Answer answer = Hostile.nothingWritten(() -> api.send(userFor(address, method),
                HttpRequest.newBuilder(api.uri(address)).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{}"))), path);

        assertRefused(answer, path);
        assertStillServing();
    }

    @Provide
    Arbitrary<String> routesWithIds() {
        return Arbitraries.of(
                "GET /api/campaigns/{id}", "GET /api/campaigns/{id}/tasks", "GET /api/campaigns/{id}/history",
                "GET /api/campaigns/{id}/history/export?format=csv", "GET /api/campaigns/{id}/verify",
                "GET /api/campaigns/{id}/evidence", "POST /api/campaigns/{id}/verify",
                "POST /api/tasks/{id}/claim", "POST /api/tasks/{id}/release", "POST /api/tasks/{id}/complete",
                "POST /api/tasks/{id}/assign", "POST /api/campaigns/{id}/tasks/" + "{id}/claim",
                "POST /api/campaigns/{id}/tasks/{id}/complete",
                "GET /api/checkpoints/{id}", "GET /api/checkpoints/{id}/file", "GET /api/checkpoints/{id}/statement",
                "GET /api/checkpoints/{id}/signature", "GET /api/checkpoints/{id}/heads",
                "GET /api/campaigns/{id}/forecast/councilAgenda", "GET /api/campaigns/{id}/forecasts",
                "GET /api/campaigns/{id}/warnings", "POST /api/campaigns/{id}/positions/councilAgenda",
                "POST /api/campaigns/{id}/electorate/{id}");
    }

    @Provide
    Arbitrary<String> hostileIds() {
        return Arbitraries.oneOf(Hostile.strings(), Arbitraries.of("..", ".", "%", "%2e%2e", "a/b", "a\\b", ";", ";jsessionid=1",
                        "key", "-1", "99999999999999999999", "1e3", UUID.randomUUID().toString(), " "))
                // a checkpoint that exists, and the key's own address, are not hostile; an address longer than
                // Tomcat reads is refused by Tomcat alone (an_address_longer_than_tomcat_reads_...)
                .filter(id -> id.length() <= 1000 && !id.isBlank() && !id.matches("\\d{1,9}") && !id.equals("key") && !id.equals("key.pem"));
    }

    // ---- query strings

    /** Parameters whose value has a form: page numbers, sizes, sequences, instants, formats, scopes. */
    private static final Map<String, List<String>> TYPED_PARAMETERS = Map.of(
            "/api/campaigns", List.of("page", "size"),
            "/api/tasks", List.of("page", "size", "scope"),
            "/api/campaigns/{campaign}", List.of("asOf", "asOfTime"),
            "/api/campaigns/{campaign}/history", List.of("page", "size", "from", "to"),
            "/api/campaigns/{campaign}/history/export", List.of("format"),
            "/api/history", List.of("page", "size", "from", "to"),
            "/api/checkpoints", List.of("page", "size"),
            "/api/operations", List.of("page", "size"));

    /** Filters of free text: any value is a filter that matches what it matches, or nothing. */
    private static final Map<String, List<String>> FREE_PARAMETERS = Map.of(
            "/api/tasks", List.of("campaign", "forum", "taskKey"),
            "/api/campaigns/{campaign}/history", List.of("type", "actor", "forum"),
            "/api/history", List.of("type", "actor", "forum"));

    @Property(tries = 200)
    void a_hostile_value_of_a_parameter_with_a_form_is_refused_and_one_of_free_text_matches_nothing(
            @ForAll("parameters") Map.Entry<String, String> parameter, @ForAll("hostileValues") String value) {
        String path = parameter.getKey().replace("{campaign}", campaign) + "?" + parameter.getValue() + "=" + encode(value);
        boolean typed = TYPED_PARAMETERS.getOrDefault(parameter.getKey(), List.of()).contains(parameter.getValue());
        Answer answer = Hostile.nothingWritten(() -> api.get(userFor(path, "GET"), path), path);

        if (typed) {
            assertRefused(answer, path);
        } else {
            assertThat(answer.status()).as("%s: %s", path, answer.body()).isIn(200, 400);
            assertThat(answer.body().isArray() ? answer.body().size() : 0).as("matches of %s", path).isZero();
            Hostile.assertSecurityHeaders(answer.headers(), path);
        }
        assertStillServing();
    }

    @Provide
    Arbitrary<Map.Entry<String, String>> parameters() {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        TYPED_PARAMETERS.forEach((path, names) -> names.forEach(name -> all.add(Map.entry(path, name))));
        FREE_PARAMETERS.forEach((path, names) -> names.forEach(name -> all.add(Map.entry(path, name))));
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<String> hostileValues() {
        return Arbitraries.oneOf(Hostile.strings(), Arbitraries.of("-1", "2147483648", "99999999999999999999", "1e3",
                        "NaN", "1.5", "+100000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                        "2014-02-30T00:00:00Z", "2014-12-22", "99999-01-01T00:00:00Z", "mine ", "ALL", "xml"))
                // a blank value is no value: the parameter's default applies
                .filter(value -> !value.isBlank() && !value.matches("\\+?\\d{1,3}"));
    }

    // ---- size

    @Property(tries = 24)
    void a_body_over_the_limit_is_refused_413_whether_its_length_is_declared_or_not(
            @ForAll("targets") Target target, @ForAll("overLimit") int extra, @ForAll boolean chunked) {
        boolean evidence = target.path().equals("/api/admin/evidence");
        // an evidence file has a larger limit: 1 MB more is still read (and refused as no evidence), beyond its own limit is not
        int size = MAX_BODY + extra;
        String padded = "{\"title\": \"" + "x".repeat(size) + "\"}";
        Answer answer = Hostile.nothingWritten(() -> api.send(target.user(), HttpRequest.newBuilder(api.uri(target.path()))
                .header("Content-Type", "application/json")
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> stream(padded))
                        : HttpRequest.BodyPublishers.ofString(padded))), target.path());

        if (evidence) {
            assertThat(answer.status()).as("%s: %s", target.path(), answer.body()).isEqualTo(400);
        } else {
            assertThat(answer.status()).as("%s: %s", target.path(), answer.body()).isEqualTo(413);
        }
        assertRefused(answer, target.path());
        assertStillServing();
    }

    @Provide
    Arbitrary<Integer> overLimit() {
        return Arbitraries.integers().between(1, 256 * 1024);
    }

    @Property(tries = 8)
    void a_declared_length_beyond_the_limit_is_refused_413_before_the_body_is_sent(@ForAll("targets") Target target) {
        long declared = target.path().equals("/api/admin/evidence") ? MAX_EVIDENCE_BODY + 1L : MAX_BODY + 1L;
        String answer = Hostile.nothingWritten(() -> rawHeadOnly(target, declared), target.path());

        assertThat(answer).as(target.path()).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .containsIgnoringCase("X-Content-Type-Options: nosniff");
        assertStillServing();
    }

    /** Sends only a request's head, with a Content-Length that no body follows; the answer's head and body. */
    private static String rawHeadOnly(Target target, long contentLength) {
        try (Socket socket = new Socket("localhost", SharedApp.port())) {
            socket.setSoTimeout(10_000);
            String credentials = Base64.getEncoder().encodeToString((target.user() + ":" + target.user())
                    .getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + target.path() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // read up to the problem's end: Tomcat keeps the connection while it waits for the body that never comes
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            int read;
            while (!(answer.indexOf("\r\n\r\n") > 0 && answer.toString().strip().endsWith("}"))
                    && (read = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            return answer.toString();
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    // ---- what every refusal must be

    @Property(tries = 3)
    void an_address_longer_than_tomcat_reads_is_refused_before_the_app_and_the_app_keeps_serving(
            @ForAll("longIds") String id) {
        String path = "/api/campaigns/" + id;
        Answer answer = Hostile.nothingWritten(() -> api.get("manager", path), "a long address");

        assertThat(answer.status()).as("status of an address of %s characters", path.length()).isBetween(400, 499);
        Hostile.assertNoTraceOfTheCode(answer.body().toString(), "a long address");
        assertStillServing();
    }

    @Provide
    Arbitrary<String> longIds() {
        return Arbitraries.integers().between(9_000, 40_000).map("a"::repeat);
    }

    private static void assertRefused(Answer answer, String original) {
        String what = abbreviate(original);
        assertThat(answer.status()).as("status of %s: %s", what, answer.body()).isBetween(400, 499);
        assertThat(answer.contentType()).as("content type of %s", what).startsWith("application/problem+json");
        assertThat(answer.detail()).as("detail of %s", what).isNotBlank();
        Hostile.assertNoTraceOfTheCode(answer.body().toString(), what);
        Hostile.assertSecurityHeaders(answer.headers(), what);
    }

    private static void assertStillServing() {
        assertThat(api.get("manager", "/api/campaigns/" + campaign).status()).isEqualTo(200);
    }

    private static String userFor(String path, String method) {
        if (path.startsWith("/api/checkpoints") || path.startsWith("/api/operations") || path.startsWith("/api/history")
                || path.contains("/verify") || path.contains("/evidence") || path.contains("/history")
                || path.endsWith("/assign")) {
            return "manager";
        }
        return "coordinator";
    }

    private static Answer post(Target target, Body body) {
        return api.send(target.user(), HttpRequest.newBuilder(api.uri(target.path()))
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        body.put(field, value);
        return body;
    }

    /** JSON text of a body whose values may be raw JSON. */
    private static String write(Object value) {
        try {
            if (value instanceof Raw raw) {
                return raw.json();
            }
            if (value instanceof Map<?, ?> map) {
                List<String> members = new ArrayList<>();
                map.forEach((key, member) -> members.add(write(String.valueOf(key)) + ":" + write(member)));
                return "{" + String.join(",", members) + "}";
            }
            if (value instanceof List<?> list) {
                return "[" + String.join(",", list.stream().map(HostileRequestsIT::write).toList()) + "]";
            }
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalArgumentException(unwritable);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
