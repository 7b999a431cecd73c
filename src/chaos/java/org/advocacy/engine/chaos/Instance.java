package org.advocacy.engine.chaos;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One app instance in a JVM of its own, on a port of its own, killed and started again at will. */
final class Instance {

    private static final Duration READY_WITHIN = Duration.ofMinutes(4);

    final String name;
    final int port;
    private final String classpath;
    private final Map<String, String> environment;
    private final Path logDirectory;
    private Process process;
    private int starts;

    Instance(String name, String classpath, Map<String, String> environment, Path logDirectory) throws IOException {
        this.name = name;
        this.port = freePort();
        this.classpath = classpath;
        this.environment = environment;
        this.logDirectory = logDirectory;
    }

    synchronized void start() throws IOException {
        starts++;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "org.advocacy.engine.CampaignEngineApplication",
                "--spring.profiles.active=demo"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("SPRING_") || variable.startsWith("CAMPAIGNS_"));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        process = builder.start();
    }

    Path log() {
        return logDirectory.resolve("instance-" + name + ".log");
    }

    /** Waits until the login page answers; fails when the JVM stopped or took too long. */
    void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            Process running;
            synchronized (this) {
                running = process;
            }
            if (!running.isAlive()) {
                throw new IllegalStateException("instance " + name + " stopped with exit code " + running.exitValue()
                        + "; see " + log());
            }
            try {
                if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("instance " + name + " did not answer within " + READY_WITHIN + "; see " + log());
    }

    /** kill -9: no shutdown hook, no goodbye to the database. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    synchronized int starts() {
        return starts;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
