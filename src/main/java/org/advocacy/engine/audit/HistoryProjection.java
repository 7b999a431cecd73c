package org.advocacy.engine.audit;

import java.sql.Timestamp;

import org.advocacy.engine.campaign.CampaignEvent;
import org.advocacy.engine.campaign.CampaignEvent.StepCompleted;
import org.advocacy.engine.campaign.CampaignEvent.TaskOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Keeps {@code history_entry}: every event of every campaign, readable, with its place in the hash chain. */
@Component
@ProcessingGroup(HistoryProjection.GROUP)
public class HistoryProjection {

    public static final String GROUP = "history";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    HistoryProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CampaignEvent event, DomainEventMessage<?> message) throws JsonProcessingException {
        Object actor = message.getMetaData().get("actor");
        int inserted = jdbc.update("""
                INSERT INTO history_entry (campaign_id, sequence, global_index, event_id, type, occurred_at, actor,
                                           forum, payload, metadata, hash)
                SELECT ?, ?, e.global_index, e.event_identifier, ?, ?, ?, ?, ?::json, ?::json, e.hash
                  FROM domain_event_entry e WHERE e.event_identifier = ?
                ON CONFLICT (campaign_id, sequence) DO NOTHING
                """, event.campaignId(), message.getSequenceNumber(), event.getClass().getSimpleName(),
                Timestamp.from(message.getTimestamp()), actor == null ? null : actor.toString(), forum(event),
                json.writeValueAsString(event), json.writeValueAsString(message.getMetaData()),
                message.getIdentifier());
        if (inserted == 0 && !alreadyRecorded(event.campaignId(), message.getSequenceNumber())) {
            throw new IllegalStateException("event " + message.getIdentifier() + " is not in the event store");
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM history_entry");
    }

    private boolean alreadyRecorded(String campaignId, long sequence) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM history_entry WHERE campaign_id = ? AND sequence = ?",
                Integer.class, campaignId, sequence);
        return count != null && count > 0;
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
