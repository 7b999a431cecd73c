package org.advocacy.engine.bench;

import java.util.List;
import java.util.function.Consumer;

import org.advocacy.engine.audit.Integrity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verifying a campaign's hash chain, for 200 random copies of the 2014 campaign in a full store:
 * {@code GET /api/campaigns/{id}/verify} over HTTP as a manager and {@link Integrity#verify} in
 * process, against a raw read of the same campaign's rows (payload, metadata, hash in sequence
 * order) right before. {@code verify_ratio} is the raw read's time over the HTTP verify's.
 */
final class VerifyBenchmark {

    private static final int SAMPLE = 200;

    private final JdbcTemplate jdbc;
    private final Integrity integrity;
    private final Api manager;

    VerifyBenchmark(AppUnderTest app) {
        this.jdbc = app.jdbc();
        this.integrity = app.bean(Integrity.class);
        this.manager = app.api(AppUnderTest.MANAGER);
    }

    void measure(Results results) {
        List<String> sample = jdbc.queryForList("SELECT campaign_id FROM campaign_view WHERE template = 'coi-follow-up'"
                + " AND status = 'CLOSED' ORDER BY random() LIMIT " + SAMPLE, String.class);
        double raw = millisEach(sample, id -> jdbc.queryForList("SELECT payload, meta_data, hash FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY sequence_number", id));
        double inProcess = millisEach(sample, id -> valid(integrity.verify(id).valid(), id));
        double http = millisEach(sample, id -> valid(manager.get("/api/campaigns/" + id + "/verify").get("valid").asBoolean(), id));
        results.add("verify_ratio", raw / http, "raw read of a campaign's rows %.2f ms / verify over HTTP %.2f ms"
                .formatted(raw, http));
        results.add("verify_ms", http, "GET /api/campaigns/{id}/verify, mean of %d closed 2014 campaigns".formatted(sample.size()));
        results.add("verify_in_process_ms", inProcess, "Integrity.verify (the chain recomputed in Java, held against the latest checkpoint), same campaigns");
    }

    private static double millisEach(List<String> ids, Consumer<String> call) {
        ids.subList(0, Math.min(20, ids.size())).forEach(call);
        long start = System.nanoTime();
        ids.forEach(call);
        return (System.nanoTime() - start) / 1e6 / ids.size();
    }

    private static void valid(boolean valid, String id) {
        if (!valid) {
            throw new IllegalStateException("campaign " + id + " does not verify");
        }
    }
}
