package org.advocacy.engine.bench;

import java.util.List;
import java.util.Map;

import org.advocacy.engine.audit.History;
import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.ScenarioDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Measures rebuilding the projections and verifying campaigns on a large store, against baselines
 * run in the same process on the same data: a raw ordered scan of the event table (for the
 * rebuild) and a raw read of one campaign's rows (for verification). Prints figures; asserts
 * nothing about time. Off by default; run it with
 * {@code mvn verify -Dit.test=RebuildAndVerifyBenchmark -Dbenchmark.events=1000000 -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@AppTest
@EnabledIfSystemProperty(named = "benchmark.events", matches = "\\d+")
class RebuildAndVerifyBenchmarkIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    History history;

    @Test
    void rebuild_and_verify_on_a_large_store() throws InterruptedException {
        long wanted = Long.parseLong(System.getProperty("benchmark.events"));
        ApiClient api = new ApiClient(port);
        String template = new ScenarioDriver(api).drive(ScenarioDriver.all().get(0).content());
        long perCampaign = count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", template);

        long fillStart = System.nanoTime();
        while (count("SELECT count(*) FROM domain_event_entry") < wanted) {
            jdbc.update("""
                    WITH c AS MATERIALIZED (SELECT g, gen_random_uuid()::text AS id FROM generate_series(1, 500) g)
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    SELECT gen_random_uuid()::text, c.id, e.sequence_number, e.type, e.time_stamp, e.payload_type,
                           e.payload_revision, convert_to(replace(convert_from(e.payload, 'UTF8'), ?, c.id), 'UTF8'),
                           e.meta_data
                      FROM c
                      CROSS JOIN domain_event_entry e
                     WHERE e.aggregate_identifier = ?
                     ORDER BY c.g, e.sequence_number
                    """, template, template);
        }
        long events = count("SELECT count(*) FROM domain_event_entry");
        double fillSeconds = seconds(fillStart);
        System.out.printf("store: %,d events (%,d campaigns of %d events), appended through the chain trigger at %,.0f events/s%n",
                events, events / perCampaign, perCampaign, events / fillSeconds);

        long scanStart = System.nanoTime();
        jdbc.setFetchSize(1000);
        jdbc.query("SELECT global_index, aggregate_identifier, payload, meta_data FROM domain_event_entry ORDER BY global_index",
                row -> { });
        double scanRate = events / seconds(scanStart);

        api.post("admin", "/api/admin/projections/rebuild", Map.of());
        JsonNode status;
        do {
            Thread.sleep(1000);
            status = api.get("admin", "/api/admin/projections/rebuild").body();
        } while ("RUNNING".equals(status.get("status").asText()));
        double rebuildRate = status.get("eventsPerSecond").asDouble();
        System.out.printf("rebuild: %s, %,d events at %,.0f events/s; raw ordered scan %,.0f rows/s; ratio %.3f%n",
                status.get("status").asText(), status.get("processed").asLong(), rebuildRate, scanRate,
                rebuildRate / scanRate);

        List<String> sample = jdbc.queryForList("SELECT campaign_id FROM campaign_view ORDER BY random() LIMIT 200",
                String.class);
        long rawStart = System.nanoTime();
        for (String id : sample) {
            jdbc.queryForList("SELECT payload, meta_data, hash FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "ORDER BY sequence_number", id);
        }
        double rawMillis = millis(rawStart) / sample.size();
        long verifyStart = System.nanoTime();
        int valid = 0;
        for (String id : sample) {
            if (api.get("manager", "/api/campaigns/" + id + "/verify").body().get("valid").asBoolean()) {
                valid++;
            }
        }
        double verifyMillis = millis(verifyStart) / sample.size();
        long viewStart = System.nanoTime();
        for (String id : sample) {
            api.get("manager", "/api/campaigns/" + id);
        }
        double viewMillis = millis(viewStart) / sample.size();
        long directStart = System.nanoTime();
        for (String id : sample) {
            history.verify(id);
        }
        double directMillis = millis(directStart) / sample.size();
        System.out.printf("verify in process: %.2f ms per campaign; GET of the campaign over HTTP: %.2f ms%n",
                directMillis, viewMillis);
        System.out.printf("verify: %.2f ms per campaign over HTTP (%d of %d valid); raw read of its rows %.2f ms; "
                        + "ratio %.1f; all %,d campaigns would take %.0f s%n", verifyMillis, valid, sample.size(),
                rawMillis, verifyMillis / rawMillis, events / perCampaign, verifyMillis * events / perCampaign / 1000);
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
