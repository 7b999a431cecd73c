package org.advocacy.engine.bench;

import java.time.Duration;
import java.util.List;

/**
 * How much each measure does, by the name given as {@code -Dbench.size}: {@code small} for a quick
 * check that everything runs, {@code default} for the figures the README reports, {@code large}
 * for a bigger store.
 *
 * @param appendTime        how long each side of the append measure and the bare Camunda steps run
 * @param campaignsPerClient 2014 campaigns that each client drives, for 1, 4 and 8 clients (and the warm-up
 *                          of 4 clients)
 * @param replayStages      store sizes (events) at which the rebuild and the raw scan are measured
 * @param historyEvents     events of the campaign whose history pages are read
 * @param requests          timed requests per latency figure, after a tenth of that as warm-up (fewer when
 *                          they take longer than {@link Latencies#BUDGET}, but {@link Latencies#FEWEST} at least)
 * @param inboxCampaigns    campaigns with open tasks for the inbox, each with {@link #TASKS_PER_CAMPAIGN}
 */
record BenchSize(String name, Duration appendTime, List<Integer> campaignsPerClient, List<Long> replayStages,
                 int historyEvents, int requests, int inboxCampaigns) {

    static final List<Integer> CLIENTS = List.of(1, 4, 8);
    static final int TASKS_PER_CAMPAIGN = 10;

    static BenchSize named(String name) {
        return switch (name) {
            case "small" -> new BenchSize(name, Duration.ofSeconds(3), List.of(3, 1, 1),
                    List.of(5_000L, 20_000L, 50_000L), 2_000, 200, 1_000);
            case "default" -> new BenchSize(name, Duration.ofSeconds(10), List.of(12, 5, 3),
                    List.of(10_000L, 100_000L, 1_000_000L), 10_000, 1_000, 10_000);
            case "large" -> new BenchSize(name, Duration.ofSeconds(30), List.of(30, 12, 8),
                    List.of(10_000L, 100_000L, 1_000_000L, 5_000_000L), 10_000, 3_000, 10_000);
            default -> throw new IllegalArgumentException("bench.size is small, default or large, not " + name);
        };
    }

    String describe() {
        return "%s: append %d s per side; 2014 campaigns per client %d (1 client), %d (4), %d (8); store stages %s events; "
                .formatted(name, appendTime.toSeconds(), campaignsPerClient.get(0), campaignsPerClient.get(1),
                        campaignsPerClient.get(2), replayStages)
                + "history of a campaign of %,d events; %,d requests per latency; inbox %,d campaigns x %d open tasks"
                .formatted(historyEvents, requests, inboxCampaigns, TASKS_PER_CAMPAIGN);
    }
}
