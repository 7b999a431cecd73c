package org.advocacy.engine.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.advocacy.engine.campaign.CampaignEvent;
import org.advocacy.engine.campaign.CampaignEvent.StepCompleted;
import org.advocacy.engine.campaign.CampaignEvent.TaskOpened;
import org.advocacy.engine.replay.JdbcProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Keeps {@code history_entry}: every event of every campaign, readable, with its place in the hash chain. */
@Component
@ProcessingGroup(HistoryProjection.GROUP)
public class HistoryProjection extends JdbcProjection {

    public static final String GROUP = "history";

    HistoryProjection(JdbcTemplate jdbc, ObjectMapper json) {
        super(jdbc, json, "history_entry");
    }

    @Override
    public Batch batch(String table) {
        return new HistoryBatch(table);
    }

    private final class HistoryBatch implements Batch {
        private final String table;
        private final List<Object[]> rows = new ArrayList<>();

        HistoryBatch(String table) {
            this.table = table;
        }

        @Override
        public void apply(DomainEventMessage<?> message) {
            CampaignEvent event = (CampaignEvent) message.getPayload();
            Object actor = message.getMetaData().get("actor");
            try {
                rows.add(new Object[] {event.campaignId(), message.getSequenceNumber(), event.getClass().getSimpleName(),
                        Timestamp.from(message.getTimestamp()), actor == null ? null : actor.toString(), forum(event),
                        json.writeValueAsString(event), json.writeValueAsString(message.getMetaData()),
                        message.getIdentifier()});
            } catch (JsonProcessingException unwritable) {
                throw new IllegalStateException(unwritable);
            }
        }

        @Override
        public void flush() {
            if (rows.isEmpty()) {
                return;
            }
            int[] inserted = jdbc.batchUpdate("INSERT INTO " + table + """
                     (campaign_id, sequence, global_index, event_id, type, occurred_at, actor, forum, payload, metadata,
                      hash)
                    SELECT ?, ?, e.global_index, e.event_identifier, ?, ?, ?, ?, ?::json, ?::json, e.hash
                      FROM domain_event_entry e WHERE e.event_identifier = ?
                    ON CONFLICT (campaign_id, sequence) DO NOTHING
                    """, rows);
            for (int index = 0; index < inserted.length; index++) {
                if (inserted[index] == 0 && !recorded(rows.get(index))) {
                    throw new IllegalStateException("event " + rows.get(index)[8] + " is not in the event store");
                }
            }
            rows.clear();
        }

        private boolean recorded(Object[] row) {
            Integer count = jdbc.queryForObject("SELECT count(*) FROM " + table
                    + " WHERE campaign_id = ? AND sequence = ?", Integer.class, row[0], row[1]);
            return count != null && count > 0;
        }
    }

    private static String forum(CampaignEvent event) {
        if (event instanceof TaskOpened opened) {
            return opened.forum();
        }
        if (event instanceof StepCompleted completed) {
            return completed.forum();
        }
        return null;
    }
}
