package org.advocacy.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.advocacy.engine.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Guessing passwords: after ten failures for one user within fifteen minutes, the API and the
 * login form answer 429 with Retry-After before any password is checked.
 */
@AppTest
class SignInThrottleIT {

    private static final int FAILURES_ALLOWED = 10;

    @LocalServerPort
    int port;

    private HttpResponse<String> basic(String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/campaigns"))
                .header("Authorization", "Basic " + credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_api_turns_a_guessed_user_away_with_429_and_retry_after() throws Exception {
        String user = "guessed-" + UUID.randomUUID();
        for (int attempt = 1; attempt <= FAILURES_ALLOWED; attempt++) {
            assertThat(basic(user, "guess-" + attempt).statusCode()).as("attempt %d", attempt).isEqualTo(401);
        }

        HttpResponse<String> turnedAway = basic(user, "guess-11");

        assertThat(turnedAway.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(turnedAway.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 15 * 60L);
        assertThat(turnedAway.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(turnedAway.body()).contains("too many failed sign-ins");
        assertThat(basic("coordinator", "coordinator").statusCode()).as("other users sign in").isEqualTo(200);
    }

    @Test
    void the_login_form_turns_a_guessed_user_away_with_429_and_retry_after() {
        String user = "guessed-" + UUID.randomUUID();
        PageSession session = PageSession.anonymous(port);
        for (int attempt = 1; attempt <= FAILURES_ALLOWED; attempt++) {
            PageSession.Page refused = session.post("/login", session.csrf("/login"),
                    Map.of("username", user, "password", "guess-" + attempt));
            assertThat(refused.location()).as("attempt %d", attempt).contains("/login?error");
        }

        PageSession.Page turnedAway = session.post("/login", session.csrf("/login"),
                Map.of("username", user, "password", "guess-11"));

        assertThat(turnedAway.status()).isEqualTo(429);
        assertThat(turnedAway.header("Retry-After")).isNotBlank();
        assertThat(turnedAway.body()).contains("too many failed sign-ins");
        assertThat(PageSession.signedIn(port, "manager")).as("other users sign in").isNotNull();
    }
}
