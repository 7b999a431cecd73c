package org.advocacy.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operations consoles: Camunda's webapps for ADMIN users only, signed in to Spring Security
 * (Camunda's own login and user set-up let nobody in, and its engine REST is closed), and the
 * API's OpenAPI description and Swagger UI for any signed-in user.
 */
@AppTest
class OperationsConsolesIT extends ApiTest {

    private static final List<String> NOT_ADMINS = List.of("coordinator", "coordinator2", "manager");
    private static final List<String> WEBAPP_PATHS = List.of("/camunda/app/cockpit/default/",
            "/camunda/app/admin/default/", "/camunda/app/tasklist/default/", "/camunda/api/admin/auth/user/default",
            "/camunda/api/engine/engine/", "/camunda/api/engine/engine/default/user",
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics");
    private static final String COCKPIT = "/camunda/app/cockpit/default/";
    /** What Cockpit asks at start-up to learn who is signed in. */
    private static final String WHO_IS_SIGNED_IN = "/camunda/api/admin/auth/user/default";
    private static final String CAMUNDA_LOGIN = "/camunda/api/admin/auth/user/default/login/cockpit";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    IdentityService camundaIdentity;

    /** An answer with its body as text (pages are not JSON). */
    private record Reply(int status, String contentType, String body, HttpResponse<String> response) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }
    }

    /**
     * A client that keeps its cookies, as a browser does, so that a session carries over; a
     * request names a user to send HTTP Basic credentials (password = name), or none.
     */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).build();

        Reply get(String user, String path) throws IOException, InterruptedException {
            return send(user, request(path).GET());
        }

        /** A POST with Camunda's CSRF header when a token is given. */
        Reply post(String user, String path, String contentType, String body, String xsrfToken)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = request(path).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (xsrfToken != null) {
                request.header("X-XSRF-TOKEN", xsrfToken);
            }
            return send(user, request);
        }

        /** Signs in through the pages' login form into a session, as a person does. */
        void signIn(String user) throws IOException, InterruptedException {
            Reply form = get(null, "/login");
            Matcher field = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>").matcher(form.body());
            assertThat(field.find()).as("the login form's CSRF field: %s", form.body()).isTrue();
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(field.group());
            assertThat(value.find()).isTrue();
            Reply signedIn = post(null, "/login", "application/x-www-form-urlencoded", "username=" + user
                    + "&password=" + user + "&_csrf=" + URLEncoder.encode(value.group(1), StandardCharsets.UTF_8), null);
            assertThat(signedIn.status()).as("sign-in of %s", user).isEqualTo(302);
            assertThat(signedIn.header("Location")).as("sign-in of %s", user).doesNotContain("error");
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        }

        private Reply send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        }
    }

    private static void assertRefused(Reply reply, int status, String what) {
        assertThat(reply.status()).as("%s: %s", what, reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
    }

    private static void assertCockpitOpens(Browser browser, String basicUser) throws IOException, InterruptedException {
        Reply cockpit = browser.get(basicUser, COCKPIT);
        assertThat(cockpit.status()).as("%s", cockpit.body()).isEqualTo(200);
        assertThat(cockpit.contentType()).startsWith("text/html");
        assertThat(cockpit.body()).contains("<title>Camunda Cockpit</title>");

        Reply who = browser.get(basicUser, WHO_IS_SIGNED_IN);
        assertThat(who.status()).as("%s", who.body()).isEqualTo(200);
        assertThat(who.json().path("userId").asText()).isEqualTo("admin");
        List<String> apps = new ArrayList<>();
        who.json().path("authorizedApps").forEach(app -> apps.add(app.asText()));
        assertThat(apps).contains("cockpit");
    }

    @Test
    void camundas_webapps_refuse_anyone_not_signed_in_401_and_every_role_but_admin_403() throws Exception {
        Browser browser = new Browser();
        for (String path : WEBAPP_PATHS) {
            assertRefused(browser.get(null, path), 401, "anonymous " + path);
            for (String user : NOT_ADMINS) {
                assertRefused(browser.get(user, path), 403, user + " " + path);
            }
        }
    }

    @Test
    void an_admin_with_http_basic_opens_cockpit_which_knows_the_admin_and_reads_the_engine() throws Exception {
        Browser browser = new Browser();

        assertCockpitOpens(browser, "admin");
        Reply definitions = browser.get("admin", "/camunda/api/engine/engine/default/process-definition?latestVersion=true");
        assertThat(definitions.status()).as("%s", definitions.body()).isEqualTo(200);
        assertThat(definitions.json().findValuesAsText("key")).contains("coi-follow-up");

        // Camunda's session now holds the admin, but without Spring's word it lets nobody in
        assertRefused(browser.get(null, WHO_IS_SIGNED_IN), 401, "the same session without credentials");
        assertRefused(browser.get(null, COCKPIT), 401, "the same session without credentials");
    }

    @Test
    void an_admin_signed_in_through_the_login_page_opens_cockpit_with_the_session_alone() throws Exception {
        Browser admin = new Browser();
        admin.signIn("admin");
        assertCockpitOpens(admin, null);

        Browser coordinator = new Browser();
        coordinator.signIn("coordinator");
        assertRefused(coordinator.get(null, COCKPIT), 403, "a signed-in coordinator");
        assertRefused(coordinator.get(null, WHO_IS_SIGNED_IN), 403, "a signed-in coordinator");
    }

    @Test
    void camundas_identity_is_the_configured_admins_read_only_with_no_password_at_all() {
        assertThat(camundaIdentity.isReadOnly()).isTrue();
        assertThat(camundaIdentity.createUserQuery().list()).extracting("id").containsExactly("admin");
        assertThat(camundaIdentity.createUserQuery().memberOfGroup("camunda-admin").userId("admin").count()).isEqualTo(1);
        assertThat(camundaIdentity.createUserQuery().userFirstNameLike("%DM%").count()).isEqualTo(1);
        assertThat(camundaIdentity.createGroupQuery().groupMember("admin").list()).extracting("id")
                .containsExactly("camunda-admin");
        assertThat(camundaIdentity.createUserQuery().userId("manager").count()).isZero();
        assertThat(camundaIdentity.createTenantQuery().userMember("admin").count()).isZero();
        for (String user : List.of("admin", "coordinator", "manager", "demo")) {
            assertThat(camundaIdentity.checkPassword(user, user)).as(user).isFalse();
        }
    }

    @Test
    void camundas_own_login_and_user_setup_let_nobody_in() throws Exception {
        String adminAdmin = "username=admin&password=admin";
        String form = "application/x-www-form-urlencoded";

        Browser anonymous = new Browser();
        assertRefused(anonymous.post(null, CAMUNDA_LOGIN, form, adminAdmin, null), 401, "anonymous login");
        assertRefused(anonymous.get(null, WHO_IS_SIGNED_IN), 401, "after the login");
        assertRefused(anonymous.get(null, COCKPIT), 401, "after the login");
        assertRefused(new Browser().post("coordinator", CAMUNDA_LOGIN, form, adminAdmin, null), 403,
                "a coordinator's login");

        // even past Spring Security and Camunda's CSRF check, Camunda knows no password and creates no user
        Browser admin = new Browser();
        String token = admin.get("admin", COCKPIT).header("X-XSRF-TOKEN");
        assertThat(token).isNotBlank();
        Reply camundaLogin = admin.post("admin", CAMUNDA_LOGIN, form, adminAdmin, token);
        assertThat(camundaLogin.status()).as("%s", camundaLogin.body()).isEqualTo(401);
        String newUser = "{\"profile\": {\"id\": \"intruder\", \"firstName\": \"I\", \"lastName\": \"I\"},"
                + " \"credentials\": {\"password\": \"intruder-password\"}}";
        Reply setup = admin.post("admin", "/camunda/api/admin/setup/default/user/create", "application/json", newUser, token);
        assertThat(setup.status()).as("%s", setup.body()).isEqualTo(403);
        assertThat(setup.body()).contains("Setup action not available");
        Reply created = admin.post("admin", "/camunda/api/engine/engine/default/user/create", "application/json",
                newUser, token);
        assertThat(created.status()).as("%s", created.body()).isEqualTo(403);
        assertThat(created.body()).contains("read-only");
        assertThat(camundaIdentity.createUserQuery().userId("intruder").count()).isZero();
        assertCockpitOpens(admin, "admin");
    }

    @Test
    void camundas_engine_rest_is_closed_to_anyone_but_an_admin() throws Exception {
        Browser browser = new Browser();
        for (String path : List.of("/engine-rest/user", "/engine-rest/engine", "/engine-rest/process-definition")) {
            assertRefused(browser.get(null, path), 401, "anonymous " + path);
            for (String user : NOT_ADMINS) {
                assertRefused(browser.get(user, path), 403, user + " " + path);
            }
        }
    }

    @Test
    void the_api_description_is_for_signed_in_users_and_documents_the_api_only() throws Exception {
        Browser browser = new Browser();
        assertRefused(browser.get(null, "/v3/api-docs"), 401, "anonymous API description");

        for (String user : List.of("coordinator", "manager", "admin")) {
            Reply docs = browser.get(user, "/v3/api-docs");
            assertThat(docs.status()).as("%s: %s", user, docs.body()).isEqualTo(200);
            JsonNode description = docs.json();
            assertThat(description.path("info").path("title").asText()).isEqualTo("Campaign engine API");
            assertThat(description.path("info").path("description").asText()).contains("HTTP Basic");
            List<String> paths = new ArrayList<>();
            description.path("paths").fieldNames().forEachRemaining(paths::add);
            assertThat(paths).contains("/api/campaigns", "/api/campaigns/{id}", "/api/templates")
                    .allMatch(path -> path.startsWith("/api/"))
                    .doesNotContain("/login", "/", "/logout");
            assertThat(description.path("components").path("securitySchemes").path("basic").path("scheme").asText())
                    .isEqualTo("basic");
            assertThat(description.path("security").get(0).has("basic")).as("Basic applies to every operation").isTrue();
        }
    }

    @Test
    void swagger_ui_opens_for_a_signed_in_user_and_asks_no_other_host() throws Exception {
        Browser anonymous = new Browser();
        assertRefused(anonymous.get(null, "/swagger-ui/index.html"), 401, "anonymous Swagger UI");
        assertRefused(anonymous.get(null, "/v3/api-docs/swagger-config"), 401, "anonymous Swagger UI configuration");

        Browser basic = new Browser();
        Browser session = new Browser();
        session.signIn("coordinator");
        for (Browser browser : List.of(basic, session)) {
            String user = browser == basic ? "coordinator" : null;
            Reply ui = browser.get(user, "/swagger-ui/index.html");
            assertThat(ui.status()).as("%s", ui.body()).isEqualTo(200);
            assertThat(ui.contentType()).startsWith("text/html");
            assertThat(ui.body()).contains("swagger-ui");
            assertOnlyThisHost(ui.body());
            assertThat(browser.get(user, "/v3/api-docs").status()).isEqualTo(200);

            Reply initializer = browser.get(user, "/swagger-ui/swagger-initializer.js");
            assertThat(initializer.status()).isEqualTo(200);
            assertOnlyThisHost(initializer.body());

            Reply config = browser.get(user, "/v3/api-docs/swagger-config");
            assertThat(config.status()).as("%s", config.body()).isEqualTo(200);
            assertThat(config.json().path("url").asText()).isEqualTo("/v3/api-docs");
            assertThat(config.json().path("validatorUrl").asText()).isEqualTo("none");
            assertOnlyThisHost(config.body());
        }
    }

    /** Every absolute address in the text is this app's own. */
    private void assertOnlyThisHost(String text) {
        Matcher address = Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^\"'\\s)]*").matcher(text);
        while (address.find()) {
            assertThat(address.group()).startsWith("http://localhost:" + port + "/");
        }
    }
}
