package org.advocacy.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.support.HttpCampaigns.Look;
import org.advocacy.engine.support.Superuser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database goes away or holds a request up: the request is answered 503 with a problem and
 * Retry-After within a bounded time, never a stack trace or a hung request; nothing half-written
 * remains, and the app recovers by itself. This class has an app and a database of its own, since
 * it restarts that database.
 */
@AppTest
@TestPropertySource(properties = "campaigns.checkpoints.check-every=PT1H")
class DatabaseFaultsIT extends ApiTest {

    /** Far more than lock_timeout (5 s) or the pool's connection timeout (5 s): the bound of "not hung". */
    private static final Duration BOUND = Duration.ofSeconds(20);

    @Autowired
    ObjectProvider<EmbeddedPostgres> embedded;

    @Test
    void a_read_held_up_by_a_lock_is_answered_503_with_retry_after_within_the_lock_timeout() throws Exception {
        String campaign = campaigns.launchFollowUp("Held up read", HttpCampaigns.PUBLISHED_ON);
        try (Connection blocker = superuser().getDataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("LOCK TABLE campaign_view IN ACCESS EXCLUSIVE MODE");
            }
            long started = System.nanoTime();
            Answer held = api.get("manager", "/api/campaigns/" + campaign);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertUnavailable(held);
            assertThat(took).isLessThan(BOUND);
            blocker.rollback();
        }
        assertThat(api.get("manager", "/api/campaigns/" + campaign).status()).isEqualTo(200);
    }

    @Test
    void a_step_held_up_by_its_campaigns_lock_is_refused_with_nothing_written_and_goes_through_when_sent_again()
            throws Exception {
        String campaign = campaigns.launchFollowUp("Held up step", HttpCampaigns.PUBLISHED_ON);
        String task = campaigns.awaitTask(campaign, "draft-hrc-resolution");
        assertThat(api.post("coordinator", "/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(204);
        Look before = campaigns.look(campaign);
        try (Connection blocker = superuser().getDataSource().getConnection();
             Statement statement = blocker.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtextextended('" + campaign + "', 0))");

            Answer held = api.post("coordinator", "/api/tasks/" + task + "/complete", HttpCampaigns.DRAFT_HRC);

            assertUnavailable(held);
            assertThat(campaigns.look(campaign)).isEqualTo(before);
            statement.execute("SELECT pg_advisory_unlock_all()");
        }
        assertThat(api.post("coordinator", "/api/tasks/" + task + "/complete", HttpCampaigns.DRAFT_HRC).status())
                .isEqualTo(204);
        assertThat(campaigns.look(campaign).activeTasks()).doesNotContain("draft-hrc-resolution");
    }

    @Test
    void requests_during_a_restart_of_the_database_get_503_and_the_app_recovers_by_itself() throws Exception {
        String campaign = campaigns.launchFollowUp("Through a restart", HttpCampaigns.PUBLISHED_ON);
        String task = campaigns.awaitTask(campaign, "draft-hrc-resolution");
        assertThat(api.post("coordinator", "/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(204);
        Look before = campaigns.look(campaign);
        Path pgCtl = Path.of(superuser().queryForObject("SELECT setting FROM pg_config WHERE name = 'BINDIR'",
                String.class), "pg_ctl");
        String dataDirectory = superuser().queryForObject("SHOW data_directory", String.class);
        assertThat(Files.isExecutable(pgCtl)).isTrue();

        // a step in flight, held by its campaign's lock when the restart cuts every connection
        Connection blocker = superuser().getDataSource().getConnection();
        try (Statement statement = blocker.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtextextended('" + campaign + "', 0))");
        }
        CompletableFuture<Answer> inFlight = CompletableFuture.supplyAsync(() ->
                api.post("coordinator", "/api/tasks/" + task + "/complete", HttpCampaigns.DRAFT_HRC));
        Thread.sleep(500);
        try {
            stopAndStartAgain(pgCtl, dataDirectory, inFlight, blocker, campaign);
        } finally {
            if (!Files.exists(Path.of(dataDirectory, "postmaster.pid"))) {
                start(pgCtl, dataDirectory);
            }
        }

        Answer recovered = awaitAnswer("/api/campaigns/" + campaign);
        assertThat(recovered.status()).isEqualTo(200);
        assertThat(api.get(null, "/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(campaigns.look(campaign)).isEqualTo(before);
        assertThat(api.post("coordinator", "/api/tasks/" + task + "/complete", HttpCampaigns.DRAFT_HRC).status())
                .isEqualTo(204);
        assertThat(campaigns.look(campaign).activeTasks()).doesNotContain("draft-hrc-resolution");
        assertThat(api.get("manager", "/api/campaigns/" + campaign + "/verify").body().get("valid").asBoolean()).isTrue();
    }

    private void stopAndStartAgain(Path pgCtl, String dataDirectory, CompletableFuture<Answer> inFlight,
                                   Connection blocker, String campaign) throws Exception {
        Process stop = new ProcessBuilder(asUnprivileged(pgCtl.toString(), "stop", "-D", dataDirectory, "-m", "fast", "-w"))
                .redirectErrorStream(true).start();
        assertThat(stop.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stop.exitValue()).as(new String(stop.getInputStream().readAllBytes())).isZero();
        blocker.close();

        assertUnavailable(inFlight.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        long started = System.nanoTime();
        Answer whileDown = api.get("manager", "/api/campaigns/" + campaign);
        assertUnavailable(whileDown);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
        Answer inboxWhileDown = api.get("manager", "/api/tasks?scope=all");
        assertUnavailable(inboxWhileDown);
        // an orchestrator stops sending traffic here while the database is away, and keeps the instance
        assertThat(api.get(null, "/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);

        start(pgCtl, dataDirectory);
    }

    /** Starts the database again as zonky started it: pg_ctl keeps the server's options in postmaster.opts. */
    private static void start(Path pgCtl, String dataDirectory) throws Exception {
        String options = Files.readString(Path.of(dataDirectory, "postmaster.opts")).strip();
        List<String> command = new ArrayList<>(List.of(pgCtl.toString(), "start", "-D", dataDirectory, "-w",
                "-l", Path.of(dataDirectory).resolveSibling("restart.log").toString(), "-o",
                options.substring(options.indexOf(' ') + 1)));
        Process start = new ProcessBuilder(asUnprivileged(command.toArray(String[]::new))).redirectErrorStream(true).start();
        assertThat(start.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(start.exitValue()).as(new String(start.getInputStream().readAllBytes())).isZero();
    }

    /** PostgreSQL refuses to run as root; as zonky does, root runs it in a user namespace of its own. */
    private static List<String> asUnprivileged(String... command) {
        List<String> line = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(List.of(command));
        return line;
    }

    private static void assertUnavailable(Answer answer) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).contains(Integer.toString(DatabaseTrouble.RETRY_AFTER_SECONDS));
        assertThat(answer.detail()).contains("nothing was recorded").doesNotContain("Exception", "at org.");
    }

    private Answer awaitAnswer(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Answer answer = api.get("manager", path);
        while (answer.status() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            answer = api.get("manager", path);
        }
        return answer;
    }

    private org.springframework.jdbc.core.JdbcTemplate superuser() {
        EmbeddedPostgres postgres = embedded.getIfAvailable();
        assumeTrue(postgres != null, "restarts the embedded PostgreSQL; the app here uses a server");
        return Superuser.jdbc(postgres);
    }
}
