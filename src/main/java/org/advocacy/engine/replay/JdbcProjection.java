package org.advocacy.engine.replay;

import org.advocacy.engine.campaign.CampaignEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A projection into one PostgreSQL table of JSON-bearing rows: it handles each campaign event live,
 * in the transaction that appends it, and lets the rebuild write the same rows into the shadow table.
 */
public abstract class JdbcProjection implements Projection {

    protected final JdbcTemplate jdbc;
    protected final ObjectMapper json;
    private final String table;

    protected JdbcProjection(JdbcTemplate jdbc, ObjectMapper json, String table) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = table;
    }

    @EventHandler
    void on(CampaignEvent event, DomainEventMessage<?> message) {
        applyLive(message);
    }

    @Override
    public String table() {
        return table;
    }
}
