package org.advocacy.engine.bench;

import java.time.Duration;
import java.util.Arrays;

/** Times the same call many times, after a warm-up, and reports percentiles in milliseconds. */
final class Latencies {

    /** Time given to one latency figure: a slow call is timed fewer times, but at least {@link #FEWEST} times. */
    static final Duration BUDGET = Duration.ofSeconds(30);
    static final int FEWEST = 100;

    private final double[] millis;

    private Latencies(double[] millis) {
        this.millis = millis;
        Arrays.sort(this.millis);
    }

    /**
     * {@code requests / 10} untimed calls (at least 10), then {@code requests} timed ones, one after
     * the other; fewer (but {@link #FEWEST} at least) when they take longer than {@link #BUDGET}.
     */
    static Latencies of(int requests, Runnable call) {
        long warmUpEnd = System.nanoTime() + BUDGET.toNanos() / 10;
        for (int warmUp = 0; warmUp < Math.max(10, requests / 10) && (warmUp < 10 || System.nanoTime() < warmUpEnd); warmUp++) {
            call.run();
        }
        double[] millis = new double[requests];
        long end = System.nanoTime() + BUDGET.toNanos();
        int timed = 0;
        while (timed < requests && (timed < FEWEST || System.nanoTime() < end)) {
            long start = System.nanoTime();
            call.run();
            millis[timed++] = (System.nanoTime() - start) / 1e6;
        }
        return new Latencies(Arrays.copyOf(millis, timed));
    }

    /** The nearest-rank percentile. */
    double percentile(double percent) {
        int rank = (int) Math.ceil(percent / 100 * millis.length);
        return millis[Math.max(0, rank - 1)];
    }

    double p50() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    int count() {
        return millis.length;
    }

    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
