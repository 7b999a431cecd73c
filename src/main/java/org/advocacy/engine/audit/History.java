package org.advocacy.engine.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the history read model. */
@Component
public class History {

    /** One event as managers read it. */
    public record Entry(String campaignId, long sequence, String type, Instant occurredAt, String actor, String forum,
                        JsonNode payload, JsonNode metadata, String hash) {
    }

    private static final String COLUMNS =
            "h.campaign_id, h.sequence, h.type, h.occurred_at, h.actor, h.forum, h.payload::text, h.metadata::text, h.hash";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    History(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A page of the campaign's events in order. Unfiltered, a campaign's events are numbered 0, 1, 2...
     * without a gap (the aggregate and the store's unique constraint see to it, and every event is
     * projected), so the page is a range of the primary key and costs the same wherever it lies;
     * filtered, it is counted off with OFFSET.
     */
    public List<Entry> page(String campaignId, HistoryFilter filter, int offset, int limit) {
        if (filter.isEverything()) {
            return jdbc.query("SELECT " + COLUMNS + " FROM history_entry h WHERE h.campaign_id = ? AND h.sequence >= ?"
                    + " ORDER BY h.sequence LIMIT ?", (row, index) -> entry(row), campaignId, offset, limit);
        }
        List<Object> arguments = new ArrayList<>(List.of(campaignId));
        String where = filter.where(arguments);
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query("SELECT " + COLUMNS + " FROM history_entry h WHERE h.campaign_id = ? AND " + where
                + " ORDER BY h.sequence LIMIT ? OFFSET ?", (row, index) -> entry(row), arguments.toArray());
    }

    /** The campaign's event number {@code sequence}, if it has one. */
    public java.util.Optional<Entry> at(String campaignId, long sequence) {
        return jdbc.query("SELECT " + COLUMNS + " FROM history_entry h WHERE h.campaign_id = ? AND h.sequence = ?",
                (row, index) -> entry(row), campaignId, sequence).stream().findFirst();
    }

    public long count(String campaignId, HistoryFilter filter) {
        if (filter.isEverything()) {
            Long count = jdbc.queryForObject("SELECT coalesce(max(h.sequence) + 1, 0) FROM history_entry h"
                    + " WHERE h.campaign_id = ?", Long.class, campaignId);
            return count == null ? 0 : count;
        }
        List<Object> arguments = new ArrayList<>(List.of(campaignId));
        String where = filter.where(arguments);
        Long count = jdbc.queryForObject("SELECT count(*) FROM history_entry h WHERE h.campaign_id = ? AND " + where,
                Long.class, arguments.toArray());
        return count == null ? 0 : count;
    }

    /** Every event of one campaign that the filter lets through, in order, one at a time. */
    public void each(String campaignId, HistoryFilter filter, Consumer<Entry> consumer) {
        List<Object> arguments = new ArrayList<>(List.of(campaignId));
        String where = filter.where(arguments);
        jdbc.query("SELECT " + COLUMNS + " FROM history_entry h WHERE h.campaign_id = ? AND " + where
                + " ORDER BY h.sequence", (RowCallbackHandler) row -> consumer.accept(entry(row)), arguments.toArray());
    }

    /** Whether the record shows that a task with this id was ever opened. */
    public boolean taskWasOpened(String taskId) {
        Boolean opened = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM history_entry WHERE type = 'TaskOpened' "
                + "AND payload ->> 'taskId' = ?)", Boolean.class, taskId);
        return Boolean.TRUE.equals(opened);
    }

    /** The events of all campaigns, newest first. */
    public List<Entry> feed(HistoryFilter filter, int offset, int limit) {
        List<Object> arguments = new ArrayList<>();
        String where = filter.where(arguments);
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query("SELECT " + COLUMNS + " FROM history_entry h WHERE " + where
                + " ORDER BY h.global_index DESC LIMIT ? OFFSET ?", (row, index) -> entry(row), arguments.toArray());
    }

    private Entry entry(ResultSet row) throws SQLException {
        return new Entry(row.getString(1), row.getLong(2), row.getString(3), row.getTimestamp(4).toInstant(),
                row.getString(5), row.getString(6), tree(row.getString(7)), tree(row.getString(8)),
                HexFormat.of().formatHex(row.getBytes(9)));
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("history holds JSON that cannot be read", unreadable);
        }
    }
}
