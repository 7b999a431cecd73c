package org.advocacy.engine.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code startup_s} and {@code rss_mb}: the app as production runs it, in a JVM of its own with
 * its own classpath (target/classes and its runtime dependencies) and default JVM options, on the
 * embedded PostgreSQL with a data directory of its own. It is started once to initialise that
 * directory and stopped; then started again and timed from launching {@code java} until
 * {@code GET /login} answers 200. Then the 2014 campaign runs through its API, and the JVM's
 * resident memory is read ({@code VmRSS} of {@code /proc/<pid>/status}; PostgreSQL's own
 * processes are not counted). Measured first, while nothing else runs.
 */
final class StartupBenchmark {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final Path output;
    private final String classpath;

    StartupBenchmark(Path output) throws IOException {
        this.output = output;
        this.classpath = System.getProperty("bench.appClasses") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("bench.runtimeClasspath"))).strip();
    }

    void run(Results results) throws Exception {
        Path home = Files.createTempDirectory("campaigns-bench-startup-");
        try {
            Child first = new Child(home, output.resolve("bench-startup-1.log"));
            double initialising = first.awaitReady();
            first.stop();
            Child second = new Child(home, output.resolve("bench-startup-2.log"));
            try {
                double ready = second.awaitReady();
                Campaign2014.runOne(second.port);
                double rss = second.residentMegabytes();
                results.add("startup_s", ready, "java -cp ... CampaignEngineApplication to GET /login 200, data directory initialised",
                        Results.Goal.below(8));
                results.add("rss_mb", rss, "VmRSS of that JVM after the 2014 campaign ran through its API, default JVM options",
                        Results.Goal.below(450));
                results.add("first_startup_s", initialising, "the same on an empty data directory (initdb, Flyway, Camunda schema)");
            } finally {
                second.stop();
            }
        } finally {
            AppUnderTest.delete(home);
        }
    }

    /** One start of the app in its own JVM, with its output in a log file. */
    private final class Child {
        final int port = freePort();
        final long started = System.nanoTime();
        final Process process;
        final Path log;

        Child(Path home, Path log) throws IOException {
            this.log = log;
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, "org.advocacy.engine.CampaignEngineApplication"));
            command.addAll(AppUnderTest.users());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE_"));
            builder.environment().put("CAMPAIGNS_DATA", home.resolve("postgres").toString());
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            this.process = builder.start();
        }

        /** Seconds from launching java until the login page answers. */
        double awaitReady() throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            while (Latencies.secondsSince(started) < READY_WITHIN.toSeconds()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the app stopped with exit code " + process.exitValue() + "; see " + log);
                }
                try {
                    if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return Latencies.secondsSince(started);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("the app did not answer within " + READY_WITHIN + "; see " + log);
        }

        double residentMegabytes() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
            throw new IllegalStateException("no VmRSS in /proc/" + process.pid() + "/status");
        }

        /** SIGTERM, so that the app stops its PostgreSQL; forced, with that PostgreSQL, after a minute. */
        void stop() throws InterruptedException {
            List<ProcessHandle> family = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                family.forEach(ProcessHandle::destroyForcibly);
                System.out.println("startup: the app did not stop within a minute of SIGTERM and was killed; see " + log);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException none) {
            throw new IllegalStateException(none);
        }
    }
}
