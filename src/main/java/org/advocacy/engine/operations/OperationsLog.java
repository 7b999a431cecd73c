package org.advocacy.engine.operations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An append-only log of what operators did to the record: every evidence import and every rebuild
 * of the read models, with who, when and what. The table refuses changes as the event store does
 * (V10), and the app's role may only read and append it.
 */
@Component
public class OperationsLog {

    /** One operation. */
    public record Operation(long id, Instant at, String actor, String operation, String subject, JsonNode detail) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    OperationsLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Appends, in the caller's transaction: an operation that rolls back leaves no entry. */
    public void record(String actor, String operation, String subject, Map<String, ?> detail) {
        try {
            jdbc.update("INSERT INTO operation_log (actor, operation, subject, detail) VALUES (?, ?, ?, ?::jsonb)", actor,
                    operation, subject, json.writeValueAsString(detail));
        } catch (JsonProcessingException unwritable) {
            throw new IllegalArgumentException("the operation's detail cannot be written as JSON", unwritable);
        }
    }

    /** Newest first. */
    public List<Operation> page(int offset, int limit) {
        return jdbc.query("SELECT id, at, actor, operation, subject, detail::text FROM operation_log ORDER BY id DESC"
                + " LIMIT ? OFFSET ?", (row, index) -> new Operation(row.getLong(1), row.getTimestamp(2).toInstant(),
                row.getString(3), row.getString(4), row.getString(5), tree(row.getString(6))), limit, offset);
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM operation_log", Long.class);
        return count == null ? 0 : count;
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("the operations log holds JSON that cannot be read", unreadable);
        }
    }
}
