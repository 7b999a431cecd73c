package org.advocacy.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark harness (README, "Performance"): {@code mvn -Pbench -Dbench.size=small|default|large}.
 * Measures each figure against a baseline taken in the same run on the same database, one right
 * after the other; prints a {@code RESULT name=value} line per figure, then a table, which it also
 * writes with the machine and the sizes to {@code target/benchmarks.md}. A figure that misses its
 * goal is reported, never failed on; the run fails only on an error.
 * <p>
 * In order: start-up and memory of the app in a JVM of its own ({@link StartupBenchmark}); then,
 * with the app in this JVM ({@link AppUnderTest}), appends ({@link AppendBenchmark}), steps
 * ({@link StepBenchmark}) and the measures of a growing store ({@link StoreStages}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        BenchSize size = BenchSize.named(System.getProperty("bench.size", "default"));
        Path output = Path.of(System.getProperty("bench.output", "target"));
        long start = System.nanoTime();
        String loadAtStart = procLoad();
        Results results = new Results();
        Set<String> parts = parts();
        try {
            progress("size " + size.describe() + "; measuring " + parts);
            if (parts.contains("startup")) {
                progress("start-up and memory, in a JVM of its own");
                new StartupBenchmark(output).run(results);
            }
            progress("starting the app in this JVM");
            List<String> header;
            try (AppUnderTest app = AppUnderTest.start()) {
                if (parts.contains("append")) {
                    progress("appends (" + app.database() + ")");
                    new AppendBenchmark(app, size).run(results);
                }
                String finished = null;
                if (parts.contains("steps")) {
                    progress("steps");
                    finished = new StepBenchmark(app, size).run(results);
                }
                if (parts.contains("store")) {
                    progress("replay, history, inbox and verification as the store grows");
                    if (finished == null) {
                        finished = Campaign2014.runOne(app.port());
                    }
                    new StoreStages(app, size, finished).run(results);
                }
                header = header(app, size, start, loadAtStart);
            }
            results.print();
            Path file = output.resolve("benchmarks.md");
            results.write(file, header);
            progress("the table is in " + file);
        } catch (Exception | Error failed) {
            results.printResults();
            System.err.println("The benchmark stopped on an error: " + failed);
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** {@code -Dbench.only=startup,append,steps,store} measures only those parts (all when not given), e.g. to profile one. */
    private static Set<String> parts() {
        Set<String> all = new LinkedHashSet<>(List.of("startup", "append", "steps", "store"));
        String only = System.getProperty("bench.only", "");
        if (only.isBlank()) {
            return all;
        }
        Set<String> chosen = new LinkedHashSet<>(List.of(only.split(",")));
        if (!all.containsAll(chosen)) {
            throw new IllegalArgumentException("bench.only names parts of " + all + ", not " + only);
        }
        return chosen;
    }

    private static List<String> header(AppUnderTest app, BenchSize size, long start, String loadAtStart)
            throws IOException {
        return List.of(
                "date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "machine: %d cores (%s), %s of memory".formatted(Runtime.getRuntime().availableProcessors(),
                        procLine("/proc/cpuinfo", "model name"), procLine("/proc/meminfo", "MemTotal")),
                "database: %s; %s; synchronous_commit=%s, fsync=%s".formatted(app.database(),
                        app.jdbc().queryForObject("SELECT version()", String.class),
                        app.jdbc().queryForObject("SHOW synchronous_commit", String.class),
                        app.jdbc().queryForObject("SHOW fsync", String.class)),
                "load average (1, 5, 15 min) at the start %s, at the end %s".formatted(loadAtStart, procLoad()),
                "JVM: %s %s, max heap %d MB".formatted(System.getProperty("java.vm.name"),
                        System.getProperty("java.vm.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024)),
                "size " + size.describe(),
                "run: %.1f minutes, compilation not included".formatted(Latencies.secondsSince(start) / 60));
    }

    /** The load averages of /proc/loadavg, or "unknown". */
    private static String procLoad() throws IOException {
        Path path = Path.of("/proc/loadavg");
        if (!Files.isReadable(path)) {
            return "unknown";
        }
        String[] fields = Files.readString(path).split(" ");
        return String.join(" ", fields[0], fields[1], fields[2]);
    }

    /** The value of the first line of a /proc file that starts with {@code key}, or "unknown". */
    private static String procLine(String file, String key) throws IOException {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            return "unknown";
        }
        return Files.readAllLines(path).stream().filter(line -> line.startsWith(key))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
    }

    private static void progress(String message) {
        System.out.printf("%n== %s  %s%n", java.time.LocalTime.now().withNano(0), message);
    }
}
