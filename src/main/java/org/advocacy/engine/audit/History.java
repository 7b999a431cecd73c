package org.advocacy.engine.audit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the history read model and checks the event store's hash chains. */
@Component
public class History {

    /** One event as managers read it. */
    public record Entry(long sequence, String type, Instant occurredAt, String actor, String forum,
                        JsonNode payload, JsonNode metadata, String hash) {
    }

    /** The outcome of recomputing a campaign's hash chain. */
    public record Verification(boolean valid, long events, Long firstBrokenSequence) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    History(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Entry> page(String campaignId, int offset, int limit) {
        return jdbc.query("""
                SELECT sequence, type, occurred_at, actor, forum, payload::text, metadata::text, hash
                  FROM history_entry WHERE campaign_id = ? ORDER BY sequence LIMIT ? OFFSET ?
                """, (row, index) -> new Entry(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant(),
                row.getString(4), row.getString(5), tree(row.getString(6)), tree(row.getString(7)),
                HexFormat.of().formatHex(row.getBytes(8))), campaignId, limit, offset);
    }

    public long count(String campaignId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM history_entry WHERE campaign_id = ?", Long.class, campaignId);
        return count == null ? 0 : count;
    }

    /**
     * Recomputes the campaign's chain from the stored events with the same function that hashed
     * them on insert, and finds the first event whose stored hash or sequence does not follow.
     */
    public Verification verify(String campaignId) {
        List<long[]> rows = jdbc.query("""
                WITH RECURSIVE chain AS (
                    SELECT e.sequence_number, e.hash AS stored,
                           event_chain_hash('\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea,
                               e.aggregate_identifier, e.sequence_number, e.event_identifier, e.time_stamp,
                               e.payload_type, e.payload_revision, e.payload, e.meta_data) AS computed
                      FROM domain_event_entry e
                     WHERE e.aggregate_identifier = ? AND e.sequence_number = 0
                    UNION ALL
                    SELECT e.sequence_number, e.hash,
                           event_chain_hash(c.stored, e.aggregate_identifier, e.sequence_number, e.event_identifier,
                               e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data)
                      FROM chain c JOIN domain_event_entry e
                        ON e.aggregate_identifier = ? AND e.sequence_number = c.sequence_number + 1
                )
                SELECT sequence_number, CASE WHEN stored = computed THEN 1 ELSE 0 END FROM chain ORDER BY sequence_number
                """, (row, index) -> new long[] {row.getLong(1), row.getLong(2)}, campaignId, campaignId);
        Long total = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, campaignId);
        long events = total == null ? 0 : total;
        for (long[] row : rows) {
            if (row[1] == 0) {
                return new Verification(false, events, row[0]);
            }
        }
        if (rows.size() < events) {
            return new Verification(false, events, (long) rows.size());
        }
        return new Verification(true, events, null);
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("history holds JSON that cannot be read", unreadable);
        }
    }
}
