package org.advocacy.engine.campaign.view;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.advocacy.engine.campaign.CampaignEvent;
import org.advocacy.engine.campaign.CampaignProgress;
import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.replay.JdbcProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Keeps {@code campaign_view}: each campaign as its events leave it, one JSON document per campaign. */
@Component
@ProcessingGroup(CampaignViewProjection.GROUP)
public class CampaignViewProjection extends JdbcProjection {

    public static final String GROUP = "campaign-view";

    CampaignViewProjection(JdbcTemplate jdbc, ObjectMapper json) {
        super(jdbc, json, "campaign_view");
    }

    @Override
    public Batch batch(String table) {
        return new ViewBatch(table);
    }

    /** Folds the batch's events per campaign in memory and writes each campaign once. */
    private final class ViewBatch implements Batch {
        private final String table;
        private final Map<String, CampaignProgress> campaigns = new LinkedHashMap<>();
        private final Set<String> changed = new LinkedHashSet<>();

        ViewBatch(String table) {
            this.table = table;
        }

        @Override
        public void apply(DomainEventMessage<?> message) {
            CampaignEvent event = (CampaignEvent) message.getPayload();
            CampaignProgress progress = campaigns.computeIfAbsent(event.campaignId(), this::load);
            if (message.getSequenceNumber() <= progress.lastSequence()) {
                return;
            }
            progress.apply(event, message.getSequenceNumber(), message.getTimestamp());
            changed.add(event.campaignId());
        }

        private CampaignProgress load(String campaignId) {
            List<String> stored = jdbc.queryForList(
                    "SELECT document::text FROM " + table + " WHERE campaign_id = ? FOR UPDATE", String.class, campaignId);
            if (stored.isEmpty()) {
                return new CampaignProgress();
            }
            try {
                return CampaignProgress.of(json.readValue(stored.get(0), CampaignSnapshot.class));
            } catch (JsonProcessingException unreadable) {
                throw new IllegalStateException(table + " holds a document that cannot be read for " + campaignId,
                        unreadable);
            }
        }

        @Override
        public void flush() {
            List<Object[]> rows = new ArrayList<>();
            for (String campaignId : changed) {
                CampaignSnapshot snapshot = campaigns.get(campaignId).snapshot();
                try {
                    rows.add(new Object[] {snapshot.id(), snapshot.title(), snapshot.template(), snapshot.status().name(),
                            snapshot.stage(), Timestamp.from(snapshot.launchedAt()), Timestamp.from(snapshot.updatedAt()),
                            snapshot.lastSequence(), json.writeValueAsString(snapshot)});
                } catch (JsonProcessingException unwritable) {
                    throw new IllegalStateException(unwritable);
                }
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO " + table + """
                         (campaign_id, title, template, status, stage, launched_at, updated_at, last_sequence, document)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::json)
                        ON CONFLICT (campaign_id) DO UPDATE SET status = excluded.status, stage = excluded.stage,
                            updated_at = excluded.updated_at, last_sequence = excluded.last_sequence,
                            document = excluded.document
                        """, rows);
            }
            changed.clear();
        }
    }
}
