package org.advocacy.engine.bench;

import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code history_p99_ms}: p50 and p99 of {@code GET /api/campaigns/{id}/history?page=P&size=100}
 * over HTTP as a manager, for one long campaign, each request a random page of its whole history
 * (first pages and last alike), one request after the other.
 */
final class HistoryBenchmark {

    static final int PAGE_SIZE = 100;

    private final Api manager;

    HistoryBenchmark(AppUnderTest app) {
        this.manager = app.api(AppUnderTest.MANAGER);
    }

    Latencies measure(String campaignId, int events, int requests) {
        Random random = new Random(2014);
        int pages = Math.max(1, events / PAGE_SIZE);
        return Latencies.of(requests, () -> {
            int page = random.nextInt(pages);
            JsonNode entries = manager.get("/api/campaigns/" + campaignId + "/history?page=" + page + "&size=" + PAGE_SIZE);
            if (entries.size() != PAGE_SIZE) {
                throw new IllegalStateException("history page " + page + " of " + campaignId + " has " + entries.size()
                        + " events, not " + PAGE_SIZE);
            }
        });
    }
}
