package org.advocacy.engine.campaign.view;

import java.sql.Timestamp;
import java.util.List;

import org.advocacy.engine.campaign.CampaignEvent;
import org.advocacy.engine.campaign.CampaignProgress;
import org.advocacy.engine.campaign.CampaignSnapshot;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Keeps {@code campaign_view}: each campaign as its events leave it, one JSON document per campaign. */
@Component
@ProcessingGroup(CampaignViewProjection.GROUP)
public class CampaignViewProjection {

    public static final String GROUP = "campaign-view";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CampaignViewProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CampaignEvent event, DomainEventMessage<?> message) throws JsonProcessingException {
        List<String> stored = jdbc.queryForList(
                "SELECT document::text FROM campaign_view WHERE campaign_id = ? FOR UPDATE", String.class,
                event.campaignId());
        CampaignProgress progress = stored.isEmpty() ? new CampaignProgress()
                : CampaignProgress.of(json.readValue(stored.get(0), CampaignSnapshot.class));
        if (message.getSequenceNumber() <= progress.lastSequence()) {
            return;
        }
        CampaignSnapshot snapshot = progress.apply(event, message.getSequenceNumber(), message.getTimestamp()).snapshot();
        String document = json.writeValueAsString(snapshot);
        jdbc.update("""
                INSERT INTO campaign_view (campaign_id, title, template, status, stage, launched_at, updated_at,
                                           last_sequence, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::json)
                ON CONFLICT (campaign_id) DO UPDATE SET status = excluded.status, stage = excluded.stage,
                    updated_at = excluded.updated_at, last_sequence = excluded.last_sequence,
                    document = excluded.document
                """, snapshot.id(), snapshot.title(), snapshot.template(), snapshot.status().name(), snapshot.stage(),
                Timestamp.from(snapshot.launchedAt()), Timestamp.from(snapshot.updatedAt()), snapshot.lastSequence(),
                document);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM campaign_view");
    }
}
