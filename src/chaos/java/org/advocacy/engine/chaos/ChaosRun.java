package org.advocacy.engine.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.advocacy.engine.audit.SigningKey;
import org.advocacy.engine.chaos.FailoverClient.Answer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Faults injected under load, then invariants checked on what is stored (README, "Reliability").
 * Two app instances in JVMs of their own start at the same moment on an empty database of the
 * PostgreSQL server; clients drive campaigns through both, each request to the next instance and
 * every retry with its Idempotency-Key; meanwhile an instance is killed with kill -9 and started
 * again, the database server is restarted, and a table is locked for longer than lock_timeout.
 * One campaign's six-month escalation is made due during the run, with both job executors on.
 * Then, from the database: every step a client saw succeed has exactly its event, every step
 * event its completed Camunda task and the other way round, no campaign's sequence has a gap or
 * a duplicate, every chain verifies, the read models equal a fresh rebuild, Camunda has no
 * incident, the escalation was raised once, the sample campaign and the templates exist once.
 */
public final class ChaosRun {

    record Size(int campaigns, int clients, int kills, int databaseRestarts, int blocks) {
        static Size named(String name) {
            return switch (name) {
                case "small" -> new Size(8, 4, 1, 1, 1);
                case "default" -> new Size(40, 8, 2, 2, 1);
                case "large" -> new Size(120, 12, 4, 3, 2);
                default -> throw new IllegalArgumentException("chaos.size is small, default or large, not " + name);
            };
        }
    }

    private static final String SAMPLE_TITLE = "DPRK COI follow-up 2014";

    private final Size size;
    private final String serverUrl;
    private final String database;
    private final String user;
    private final Path output;
    private final List<Instance> instances = new ArrayList<>();
    private final AtomicInteger completedSteps = new AtomicInteger();
    private final Set<String> completedTasks = ConcurrentHashMap.newKeySet();
    private final Set<String> launched = ConcurrentHashMap.newKeySet();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private int kills;
    private int databaseRestarts;
    private int blocks;

    private ChaosRun(Size size, String host, int port, String user, String database, Path output) {
        this.size = size;
        this.serverUrl = "jdbc:postgresql://" + host + ":" + port + "/";
        this.user = user;
        this.database = database;
        this.output = output;
    }

    public static void main(String[] arguments) throws Exception {
        String host = System.getProperty("chaos.host", "127.0.0.1");
        int port = Integer.parseInt(System.getProperty("chaos.port", "5432"));
        String user = System.getProperty("chaos.user", "postgres");
        Size size = Size.named(System.getProperty("chaos.size", "small"));
        Path output = Path.of(System.getProperty("chaos.output", "target")).resolve("chaos");
        Files.createDirectories(output);
        try (Connection probe = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, "")) {
            probe.isValid(2);
        } catch (SQLException none) {
            System.out.println("chaos: SKIPPED: no PostgreSQL server answers on " + host + ":" + port + " as " + user
                    + " (" + none.getMessage() + "); the fault run needs one, as README \"Reliability\" says");
            return;
        }
        ChaosRun run = new ChaosRun(size, host, port, user, System.getProperty("chaos.database", "campaigns_chaos"), output);
        boolean passed = run.run();
        System.exit(passed ? 0 : 1);
    }

    private boolean run() throws Exception {
        prepareDatabase();
        Path key = output.resolve("signing-key.pem");
        Files.deleteIfExists(key);
        SigningKey.inFile(key, true);
        String classpath = System.getProperty("chaos.appClasses") + java.io.File.pathSeparator
                + Files.readString(Path.of(System.getProperty("chaos.runtimeClasspath"))).strip();
        Map<String, String> environment = Map.of(
                "SPRING_DATASOURCE_URL", serverUrl + database,
                "SPRING_DATASOURCE_USERNAME", "campaigns_app", "SPRING_DATASOURCE_PASSWORD", "",
                "SPRING_FLYWAY_USER", "campaigns_owner", "SPRING_FLYWAY_PASSWORD", "",
                "CAMPAIGNS_SIGNING_KEY_FILE", key.toString());
        for (String name : List.of("a", "b")) {
            Instance instance = new Instance(name, classpath, environment, output);
            Files.deleteIfExists(instance.log());
            instances.add(instance);
        }
        long started = System.nanoTime();
        try {
            // both at the same moment, on an empty database
            for (Instance instance : instances) {
                instance.start();
            }
            for (Instance instance : instances) {
                instance.awaitReady();
            }
            System.out.printf("chaos: both instances up on an empty database in %.1f s (ports %d and %d)%n",
                    seconds(started), instances.get(0).port, instances.get(1).port);
            FailoverClient client = new FailoverClient(instances);
            String timerCampaign = escalationDueDuringTheRun(client);
            List<Future<?>> drivers = drive(client);
            injectFaults();
            for (Future<?> driver : drivers) {
                try {
                    driver.get(30, TimeUnit.MINUTES);
                } catch (java.util.concurrent.ExecutionException failed) {
                    failures.add("a client stopped: " + failed.getCause());
                }
            }
            System.out.printf("chaos: load done in %.1f s: %d steps, %d requests sent again after no answer, %d 503 answers%n",
                    seconds(started), completedSteps.get(), client.retries.get(), client.unavailable.get());
            return check(client, timerCampaign);
        } finally {
            for (Instance instance : instances) {
                instance.stop();
            }
        }
    }

    private void prepareDatabase() throws SQLException, IOException {
        try (Connection server = superuser("postgres"); Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        String roles = new String(ChaosRun.class.getResourceAsStream("/db/roles.sql").readAllBytes(), StandardCharsets.UTF_8);
        try (Connection chaos = superuser(database); Statement statement = chaos.createStatement()) {
            statement.execute(roles);
        }
        try (Connection server = superuser("postgres"); Statement statement = server.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " OWNER TO campaigns_owner");
        }
    }

    /** A campaign whose Council track is open, with its six-month timer moved to fire during the run. */
    private String escalationDueDuringTheRun(FailoverClient client) throws SQLException {
        String campaign = launch(client, "Escalation during the run");
        step(client, "coordinator", campaign, "draft-hrc-resolution", Steps.DRAFT_HRC);
        step(client, "coordinator", campaign, "record-hrc-vote", Steps.HRC_ADOPTED);
        client.awaitTask(campaign, "convene-arria-meeting");
        try (Connection chaos = superuser(database);
             java.sql.PreparedStatement due = chaos.prepareStatement("""
                     UPDATE act_ru_job job SET duedate_ = now() + interval '20 seconds'
                       FROM act_ru_execution root
                      WHERE root.id_ = job.root_proc_inst_id_ AND root.business_key_ = ?
                        AND job.type_ = 'timer' AND job.handler_cfg_ LIKE '%escalation-timer%'""")) {
            due.setString(1, campaign);
            if (due.executeUpdate() != 1) {
                throw new IllegalStateException("campaign " + campaign + " has no six-month timer to bring forward");
            }
        }
        return campaign;
    }

    private List<Future<?>> drive(FailoverClient client) {
        ExecutorService pool = Executors.newFixedThreadPool(size.clients());
        List<Future<?>> drivers = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        for (int thread = 0; thread < size.clients(); thread++) {
            drivers.add(pool.submit(() -> {
                for (int number = next.getAndIncrement(); number < size.campaigns(); number = next.getAndIncrement()) {
                    String campaign = launch(client, "Chaos campaign " + number);
                    for (Steps.Step step : Steps.TO_THE_END) {
                        step(client, step.user(), campaign, step.task(), step.fields());
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        return drivers;
    }

    private String launch(FailoverClient client, String title) {
        Map<String, Object> body = FailoverClient.map("template", "coi-follow-up", "title", title,
                "reportSymbol", "A/HRC/25/63", "publishedOn", "2014-02-17");
        Answer answer = client.post("coordinator", "/api/campaigns", body);
        if (answer.status() != 201) {
            throw new IllegalStateException("launch " + title + " answered " + answer.status() + ": " + answer.body());
        }
        String id = answer.body().path("id").asText();
        launched.add(id);
        return id;
    }

    private void step(FailoverClient client, String user, String campaign, String key, Map<String, Object> fields) {
        String task = client.awaitTask(campaign, key);
        expect(client.post(user, "/api/tasks/" + task + "/claim", Map.of()), "claim " + key);
        expect(client.post(user, "/api/tasks/" + task + "/complete", fields), "complete " + key);
        completedTasks.add(task);
        completedSteps.incrementAndGet();
    }

    private static void expect(Answer answer, String what) {
        if (answer.status() != 204) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }

    /** The faults, spread over the run by the share of its steps done. */
    private void injectFaults() throws Exception {
        int planned = size.campaigns() * Steps.TO_THE_END.size();
        List<Double> killAt = spread(size.kills(), 0.15, 0.5);
        List<Double> restartAt = spread(size.databaseRestarts(), 0.55, 0.85);
        List<Double> blockAt = spread(size.blocks(), 0.4, 0.5);
        while (kills < size.kills() || databaseRestarts < size.databaseRestarts() || blocks < size.blocks()) {
            double done = completedSteps.get() / (double) planned;
            if (kills < killAt.size() && done >= killAt.get(kills)) {
                Instance victim = instances.get(kills % instances.size());
                for (Instance instance : instances) {
                    instance.awaitReady();
                }
                victim.kill();
                kills++;
                System.out.printf("chaos: kill -9 of instance %s at %.0f%% of the steps%n", victim.name, done * 100);
                Thread.sleep(2_000);
                victim.start();
            } else if (databaseRestarts < restartAt.size() && done >= restartAt.get(databaseRestarts)) {
                restartDatabase();
                System.out.printf("chaos: database server restarted at %.0f%% of the steps%n", done * 100);
            } else if (blocks < blockAt.size() && done >= blockAt.get(blocks)) {
                blockForLongerThanTheLockTimeout();
                System.out.printf("chaos: campaign_view locked for 8 s at %.0f%% of the steps%n", done * 100);
            } else if (done >= 1) {
                failures.add("the load ended before every fault was injected");
                return;
            }
            Thread.sleep(100);
        }
        for (Instance instance : instances) {
            instance.awaitReady();
        }
    }

    private static List<Double> spread(int count, double from, double to) {
        List<Double> points = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            points.add(count == 1 ? from : from + (to - from) * index / (count - 1));
        }
        return points;
    }

    private void restartDatabase() throws IOException, InterruptedException {
        String command = System.getProperty("chaos.restart-command", "");
        if (command.isBlank()) {
            command = defaultRestartCommand();
        }
        if (command == null) {
            databaseRestarts = size.databaseRestarts();
            System.out.println("chaos: no way to restart the database server here (set -Dchaos.restart-command);"
                    + " database restarts skipped");
            return;
        }
        Process restart = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String said = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (restart.waitFor() != 0) {
            throw new IllegalStateException("restarting the database server failed: " + command + ": " + said);
        }
        databaseRestarts++;
    }

    /** Debian's pg_ctlcluster for the cluster on the server's port, when this runs as root. */
    private String defaultRestartCommand() throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return null;
        }
        try {
            Process clusters = new ProcessBuilder("pg_lsclusters", "--no-header").redirectErrorStream(true).start();
            String listing = new String(clusters.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            clusters.waitFor();
            String port = serverUrl.replaceAll(".*:(\\d+)/$", "$1");
            for (String line : listing.lines().toList()) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length >= 3 && columns[2].equals(port)) {
                    return "pg_ctlcluster --skip-systemctl-redirect " + columns[0] + " " + columns[1] + " restart -m fast";
                }
            }
        } catch (IOException noPgLsClusters) {
            return null;
        }
        return null;
    }

    private void blockForLongerThanTheLockTimeout() throws SQLException, InterruptedException {
        try (Connection chaos = superuser(database); Statement statement = chaos.createStatement()) {
            chaos.setAutoCommit(false);
            statement.execute("LOCK TABLE campaign_view IN ACCESS EXCLUSIVE MODE");
            Thread.sleep(8_000);
            chaos.rollback();
        }
        blocks++;
    }

    private boolean check(FailoverClient client, String timerCampaign) throws Exception {
        awaitEscalation(timerCampaign);
        Invariants invariants = new Invariants(superuser(database), client, completedTasks, launched);
        Invariants.Report report = invariants.check(timerCampaign, SAMPLE_TITLE, failures);
        report.problems().forEach(problem -> System.out.println("chaos: FAILED: " + problem));
        System.out.printf("chaos: rebuild of the read models: %s%n", report.rebuild());
        System.out.printf("chaos: campaigns=%d steps=%d events=%d kills=%d db_restarts=%d lost=%d duplicated=%d"
                        + " orphans=%d chains_valid=%d%n", report.campaigns(), report.steps(), report.events(), kills,
                databaseRestarts, report.lost(), report.duplicated(), report.orphans(), report.chainsValid());
        return report.problems().isEmpty();
    }

    private void awaitEscalation(String campaign) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (Connection chaos = superuser(database)) {
            while (System.nanoTime() < deadline && Invariants.escalations(chaos, campaign) == 0) {
                Thread.sleep(500);
            }
        }
        // long enough for a second job executor to fire it again, were it to
        Thread.sleep(5_000);
    }

    private Connection superuser(String name) throws SQLException {
        return DriverManager.getConnection(serverUrl + name, user, "");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static JsonNode json(String text) throws IOException {
        return FailoverClient.JSON.readTree(text);
    }
}
