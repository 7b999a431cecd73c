package org.advocacy.engine.web;

import static org.advocacy.engine.support.HttpCampaigns.DRAFT_HRC;
import static org.advocacy.engine.support.HttpCampaigns.PUBLISHED_ON;
import static org.advocacy.engine.web.RoleMatrixIT.Who.ADMIN;
import static org.advocacy.engine.web.RoleMatrixIT.Who.ANONYMOUS;
import static org.advocacy.engine.web.RoleMatrixIT.Who.COORDINATOR;
import static org.advocacy.engine.web.RoleMatrixIT.Who.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.Hostile;
import org.advocacy.engine.web.PageSession.Page;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may use what, over every route that the app serves and each of anonymous, coordinator,
 * manager and admin. The table below is SPEC §5 and the README's API and pages tables, written out
 * by hand: it is what the security rules must give, not a copy of them, and a route that the app
 * serves without a row here fails the test. Every answer carries the security headers.
 */
@AppTest
class RoleMatrixIT extends ApiTest {

    enum Who { ANONYMOUS, COORDINATOR, MANAGER, ADMIN }

    private static final Set<Who> SIGNED_IN = EnumSet.of(COORDINATOR, MANAGER, ADMIN);
    private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);

    /**
     * Method and path pattern of each route, and who may use it ("signed in": any role; "anyone":
     * also without signing in); the app itself may refuse more (a task of another role).
     */
    private static final String TABLE = """
            # the HTTP API (README "HTTP API")
            POST /api/campaigns                                      | COORDINATOR
            GET /api/templates                                       | signed in
            GET /api/campaigns                                       | signed in
            GET /api/campaigns/{id}                                  | signed in
            GET /api/campaigns/{id}/tasks                            | signed in
            GET /api/tasks                                           | COORDINATOR, MANAGER
            POST /api/tasks/{taskId}/claim                           | COORDINATOR, MANAGER
            POST /api/tasks/{taskId}/release                         | COORDINATOR, MANAGER
            POST /api/tasks/{taskId}/assign                          | MANAGER
            POST /api/tasks/{taskId}/complete                        | COORDINATOR, MANAGER
            POST /api/campaigns/{campaignId}/tasks/{taskId}/claim    | COORDINATOR, MANAGER
            POST /api/campaigns/{campaignId}/tasks/{taskId}/complete | COORDINATOR, MANAGER
            POST /api/campaigns/{id}/suspend                         | MANAGER
            POST /api/campaigns/{id}/resume                          | MANAGER
            POST /api/campaigns/{id}/cancel                          | MANAGER
            POST /api/campaigns/{id}/positions/{voteKey}             | COORDINATOR, MANAGER
            POST /api/campaigns/{id}/electorate/{voteKey}            | COORDINATOR, MANAGER
            GET /api/campaigns/{id}/forecast/{voteKey}               | signed in
            GET /api/campaigns/{id}/forecasts                        | signed in
            GET /api/campaigns/{id}/warnings                         | signed in
            GET /api/forecasts/accuracy                              | signed in
            GET /api/campaigns/{id}/history                          | MANAGER, COORDINATOR
            GET /api/campaigns/{id}/history/export                   | MANAGER, COORDINATOR
            GET /api/history                                         | MANAGER
            GET /api/campaigns/{id}/verify                           | MANAGER
            POST /api/campaigns/{id}/verify                          | MANAGER
            GET /api/campaigns/{id}/evidence                         | MANAGER
            POST /api/admin/evidence                                 | ADMIN
            GET /api/checkpoints                                     | MANAGER, ADMIN
            POST /api/checkpoints                                    | MANAGER, ADMIN
            GET /api/checkpoints/{id}                                | MANAGER, ADMIN
            GET /api/checkpoints/{id}/file                           | MANAGER, ADMIN
            GET /api/checkpoints/{id}/statement                      | MANAGER, ADMIN
            GET /api/checkpoints/{id}/signature                      | MANAGER, ADMIN
            GET /api/checkpoints/{id}/heads                          | MANAGER, ADMIN
            GET /api/checkpoints/key                                 | signed in
            GET /api/checkpoints/key.pem                             | signed in
            GET /api/operations                                      | MANAGER, ADMIN
            GET /api/admin/incidents                                 | ADMIN
            POST /api/admin/templates                                | ADMIN
            POST /api/admin/templates/{key}/migrations               | ADMIN
            POST /api/admin/projections/rebuild                      | ADMIN
            GET /api/reference/security-council                      | signed in
            POST /api/admin/reference/security-council               | ADMIN
            GET /api/admin/projections/rebuild                       | ADMIN
            # the pages (README "The pages"); a coordinator's assignment is refused by the page itself, with a message
            GET /login                                               | anyone
            GET /                                                    | signed in
            GET /inbox                                               | COORDINATOR, MANAGER
            POST /tasks/{taskId}/claim                               | COORDINATOR, MANAGER
            POST /tasks/{taskId}/release                             | COORDINATOR, MANAGER
            POST /tasks/{taskId}/assign                              | COORDINATOR, MANAGER
            GET /tasks/{taskId}                                      | COORDINATOR, MANAGER
            POST /tasks/{taskId}                                     | COORDINATOR, MANAGER
            GET /campaigns                                           | signed in
            GET /campaigns/new                                       | COORDINATOR
            POST /campaigns                                          | COORDINATOR
            GET /campaigns/{id}                                      | signed in
            POST /campaigns/{id}/suspend                             | MANAGER
            POST /campaigns/{id}/resume                              | MANAGER
            POST /campaigns/{id}/cancel                              | MANAGER
            GET /campaigns/{id}/replay/{sequence}                    | signed in
            GET /campaigns/{id}/whip/{voteKey}                       | signed in
            POST /campaigns/{id}/whip/{voteKey}                      | COORDINATOR, MANAGER
            POST /campaigns/{id}/whip/{voteKey}/electorate           | COORDINATOR, MANAGER
            GET /forecasts                                           | signed in
            GET /diagrams/{processKey}                               | signed in
            GET /campaigns/{id}/timeline                             | MANAGER, COORDINATOR
            GET /campaigns/{id}/timeline/export                      | MANAGER, COORDINATOR
            GET /activity                                            | MANAGER
            GET /record                                              | MANAGER, ADMIN
            POST /record/checkpoints                                 | MANAGER, ADMIN
            GET /record/checkpoints/{id}                             | MANAGER, ADMIN
            GET /admin                                               | ADMIN
            POST /admin/rebuild                                      | ADMIN
            GET /admin/rebuild/progress                              | ADMIN
            GET /admin/evidence                                      | ADMIN
            POST /admin/evidence                                     | ADMIN
            POST /admin/templates                                    | ADMIN
            POST /admin/templates/{key}/migrations                   | ADMIN
            POST /admin/council-years                                | ADMIN
            # the OpenAPI description, for any signed-in user (README "The pages", /admin)
            GET /v3/api-docs                                         | signed in
            GET /v3/api-docs.yaml                                    | signed in
            GET /v3/api-docs/swagger-config                          | signed in
            GET /swagger-ui.html                                     | signed in
            """;

    private static final Map<String, Set<Who>> MATRIX = matrix(TABLE);

    private static Map<String, Set<Who>> matrix(String table) {
        Map<String, Set<Who>> matrix = new LinkedHashMap<>();
        for (String line : table.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String who = cells[1].strip();
            Set<Who> allowed = who.equals("anyone") ? EVERYONE : who.equals("signed in") ? SIGNED_IN
                    : EnumSet.copyOf(Arrays.stream(who.split(",")).map(role -> Who.valueOf(role.strip())).toList());
            matrix.put(cells[0].strip().replaceAll("\\s+", " "), allowed);
        }
        return matrix;
    }

    /** Spring Boot's error controller: the error dispatch's target, for anyone; not an address of its own. */
    private static final Set<String> NOT_ROUTES = Set.of("* /error");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Autowired
    private JdbcTemplate jdbc;

    /** Method and pattern of every route that Spring MVC serves ("*" for any method). */
    private Set<String> servedRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            if (methods.isEmpty()) {
                methods.add("*");
            }
            for (String pattern : info.getPatternValues()) {
                methods.forEach(method -> routes.add(method + " " + pattern));
            }
        }
        return routes;
    }

    @Test
    void every_route_that_the_app_serves_has_a_row_in_the_matrix() {
        Set<String> missing = new TreeSet<>(servedRoutes());
        missing.removeAll(MATRIX.keySet());
        missing.removeAll(NOT_ROUTES);
        Set<String> gone = new TreeSet<>(MATRIX.keySet());
        gone.removeAll(servedRoutes());

        assertThat(missing).as("routes without a row in the role matrix").isEmpty();
        assertThat(gone).as("rows of the matrix that the app no longer serves").isEmpty();
    }

    @Test
    void each_role_gets_exactly_what_the_matrix_allows_on_every_route_with_the_security_headers() {
        String campaign = campaigns.launchFollowUp("Role matrix " + UUID.randomUUID(), PUBLISHED_ON);
        Map<Who, PageSession> sessions = sessions();
        List<String> wrong = new ArrayList<>();
        try {
            for (Map.Entry<String, Set<Who>> row : MATRIX.entrySet()) {
                String method = row.getKey().substring(0, row.getKey().indexOf(' '));
                String path = concrete(row.getKey().substring(method.length() + 1), campaign);
                for (Who who : Who.values()) {
                    String outcome = answersLikeTheApi(path) ? api(method, path, who, row.getValue().contains(who))
                            : page(sessions.get(who), method, path, who, row.getValue().contains(who));
                    if (outcome != null) {
                        wrong.add(who + " " + method + " " + path + ": " + outcome);
                    }
                }
            }
        } finally {
            awaitNoRebuild();
        }

        assertThat(wrong).as("answers that the matrix does not allow").isEmpty();
    }

    /** The API and its description answer problems (401 for anonymous), not the login page. */
    private static boolean answersLikeTheApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui");
    }

    /** What is wrong with the API's answer to {@code who}, or null. */
    private String api(String method, String path, Who who, boolean allowed) {
        String user = who == ANONYMOUS ? null : who.name().toLowerCase();
        Answer answer = api.send(user, HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}")));
        Hostile.assertSecurityHeaders(answer.headers(), who + " " + method + " " + path);
        int expected = who == ANONYMOUS ? 401 : 403;
        if (!allowed) {
            boolean refused = answer.status() == expected && answer.contentType().startsWith("application/problem+json");
            return refused ? null : "expected " + expected + " problem, got " + answer.status() + " " + answer.contentType();
        }
        return answer.status() == 401 || answer.status() == 403 || answer.status() >= 500
                ? "allowed, but answered " + answer.status() + " " + answer.body() : null;
    }

    /** What is wrong with the page's answer to {@code who}, or null. */
    private static String page(PageSession session, String method, String path, Who who, boolean allowed) {
        Page page = method.equals("GET") ? session.get(path)
                : session.post(path, session.csrf(who == ANONYMOUS ? "/login" : home(who)), Map.of());
        Hostile.assertSecurityHeaders(page.headers(), who + " " + method + " " + path);
        boolean toLogin = page.status() == 302 && page.location().endsWith("/login");
        if (!allowed) {
            if (who == ANONYMOUS) {
                return toLogin ? null : "expected a redirect to /login, got " + page.status() + " " + page.location();
            }
            return page.status() == 403 ? null : "expected 403, got " + page.status();
        }
        return toLogin || page.status() == 401 || page.status() == 403 || page.status() >= 500
                ? "allowed, but answered " + page.status() + " " + page.location() : null;
    }

    private static String home(Who who) {
        return who == ADMIN ? "/admin" : "/inbox";
    }

    private Map<Who, PageSession> sessions() {
        Map<Who, PageSession> sessions = new LinkedHashMap<>();
        sessions.put(ANONYMOUS, PageSession.anonymous(port));
        for (Who who : SIGNED_IN) {
            sessions.put(who, PageSession.signedIn(port, who.name().toLowerCase()));
        }
        return sessions;
    }

    /** The route with its variables filled: an existing campaign, unknown tasks (nothing to change), a process. */
    private static String concrete(String pattern, String campaign) {
        return pattern.replace("{campaignId}", campaign).replace("{id}", pattern.contains("checkpoints") ? "1" : campaign)
                .replace("{taskId}", UUID.randomUUID().toString()).replace("{sequence}", "0")
                .replace("{processKey}", "coi-follow-up").replace("{key}", "no-such-template").replace("{voteKey}", "councilAgenda")
                + (pattern.equals("/admin/evidence") ? "?campaign=" + campaign : "");
    }

    /** The matrix starts a rebuild as the admin; the tests that follow want the read models back. */
    private void awaitNoRebuild() {
        Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).until(() ->
                !"RUNNING".equals(api.get("admin", "/api/admin/projections/rebuild").body().path("status").asText()));
    }

    // ---- the actor of an event is the signed-in user

    @Test
    void the_actor_recorded_is_the_signed_in_user_whatever_the_body_or_the_query_says() throws Exception {
        String campaign = campaigns.launchFollowUp("Actor " + UUID.randomUUID(), PUBLISHED_ON);
        String draft = campaigns.awaitTask(campaign, "draft-hrc-resolution");
        Map<String, Object> impostor = Map.of("actor", "admin", "user", "manager", "completedBy", "admin",
                "assignee", "coordinator2", "claimedBy", "manager");

        Answer claimed = api.post("coordinator", "/api/tasks/" + draft + "/claim?actor=admin&user=manager", impostor);
        Map<String, Object> completion = new LinkedHashMap<>(DRAFT_HRC);
        completion.putAll(impostor);
        Answer refused = api.post("coordinator", "/api/tasks/" + draft + "/complete", completion);
        Answer completed = api.post("coordinator", "/api/tasks/" + draft + "/complete?actor=admin", DRAFT_HRC);
        Answer launchedAs = api.post("coordinator", "/api/campaigns", Map.of("template", "coi-follow-up",
                "title", "Impostor " + UUID.randomUUID(), "reportSymbol", "A/HRC/25/63", "publishedOn", PUBLISHED_ON,
                "actor", "admin"));

        assertThat(claimed.status()).isEqualTo(204);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("unknown fields");
        assertThat(completed.status()).isEqualTo(204);
        assertThat(launchedAs.status()).isEqualTo(400);
        List<JsonNode[]> events = storedEvents(campaign);
        assertThat(events).isNotEmpty();
        for (JsonNode[] event : events) {
            String actor = event[0].path("actor").asText();
            assertThat(actor).as("actor of %s", event[1]).isIn("coordinator", "engine");
            assertThat(event[1].toString()).doesNotContain("admin").doesNotContain("\"manager\"");
        }
        assertThat(events).anySatisfy(event -> assertThat(event[1].path("assignee").asText()).isEqualTo("coordinator"));
    }

    /** Metadata and payload of each stored event of a campaign, as the store holds them. */
    private List<JsonNode[]> storedEvents(String campaign) {
        ObjectMapper json = new ObjectMapper();
        return jdbc.query("SELECT convert_from(meta_data, 'UTF8') AS metadata, convert_from(payload, 'UTF8') AS payload"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                (row, index) -> {
                    try {
                        return new JsonNode[]{json.readTree(row.getString("metadata")), json.readTree(row.getString("payload"))};
                    } catch (java.io.IOException unreadable) {
                        throw new IllegalStateException(unreadable);
                    }
                }, campaign);
    }
}
