package org.advocacy.engine.campaign.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.advocacy.engine.campaign.CampaignEvent;
import org.advocacy.engine.campaign.CampaignProgress;
import org.advocacy.engine.campaign.CampaignSnapshot;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads campaigns: now from the read model, at a past event from the event store itself. */
@Component
public class CampaignViews {

    /** One line of the campaign list. */
    public record CampaignSummary(String id, String title, String template, String status, String stage,
                                  java.time.Instant launchedAt, java.time.Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final EventStore eventStore;

    CampaignViews(JdbcTemplate jdbc, ObjectMapper json, EventStore eventStore) {
        this.jdbc = jdbc;
        this.json = json;
        this.eventStore = eventStore;
    }

    public Optional<CampaignSnapshot> current(String campaignId) {
        return jdbc.queryForList("SELECT document::text FROM campaign_view WHERE campaign_id = ?", String.class,
                campaignId).stream().findFirst().map(this::read);
    }

    public List<CampaignSummary> list(int offset, int limit) {
        return jdbc.query("""
                SELECT campaign_id, title, template, status, stage, launched_at, updated_at FROM campaign_view
                ORDER BY launched_at DESC, campaign_id LIMIT ? OFFSET ?
                """, (row, index) -> new CampaignSummary(row.getString(1), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), row.getTimestamp(6).toInstant(), row.getTimestamp(7).toInstant()),
                limit, offset);
    }

    /** The campaigns that recorded a vote with members' positions assessed before it, oldest launch first. */
    public List<CampaignSnapshot> withForecastVotes() {
        return jdbc.queryForList("""
                SELECT document::text FROM campaign_view
                WHERE (document::jsonb -> 'votes') @> '[{"positions": {}}]'::jsonb
                ORDER BY launched_at, campaign_id
                """, String.class).stream().map(this::read).toList();
    }

    public boolean existsWithTitle(String title) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM campaign_view WHERE title = ?", Integer.class, title);
        return count != null && count > 0;
    }

    /**
     * The campaign as it stood right after its event number {@code sequence}, folded from the
     * event store; empty when the campaign has no such event.
     */
    public Optional<CampaignSnapshot> asOf(String campaignId, long sequence) {
        return foldWhile(campaignId, event -> event.getSequenceNumber() <= sequence);
    }

    /** The campaign as it stood at {@code time}, folded from the event store; empty before its launch. */
    public Optional<CampaignSnapshot> asOfTime(String campaignId, Instant time) {
        return foldWhile(campaignId, event -> !event.getTimestamp().isAfter(time));
    }

    private Optional<CampaignSnapshot> foldWhile(String campaignId, Predicate<DomainEventMessage<?>> included) {
        CampaignProgress progress = new CampaignProgress();
        boolean any = false;
        DomainEventStream events = eventStore.readEvents(campaignId);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!included.test(event)) {
                break;
            }
            progress.apply((CampaignEvent) event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
            any = true;
        }
        return any ? Optional.of(progress.snapshot()) : Optional.empty();
    }

    private CampaignSnapshot read(String document) {
        try {
            return json.readValue(document, CampaignSnapshot.class);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("campaign_view holds a document that cannot be read", unreadable);
        }
    }
}
