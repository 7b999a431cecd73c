package org.advocacy.engine.bench;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the event store fast with SQL that copies the events of a real campaign (a 2014 campaign
 * run through the API) under new campaign ids, through the store's normal insert trigger, which
 * gives each event its global index, its transaction and its link in the campaign's hash chain.
 * Nothing else is written: the read models learn of these campaigns only from a rebuild.
 * Each statement is its own transaction of up to {@link #CAMPAIGNS_PER_STATEMENT} campaigns.
 */
final class StoreFiller {

    private static final int CAMPAIGNS_PER_STATEMENT = 500;
    private static final String INSERT = """
            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                            payload_type, payload_revision, payload, meta_data)
            """;

    private final JdbcTemplate jdbc;
    private final String source;
    private final long sourceEvents;

    /** @param source a finished 2014 campaign: its first events are the launch, a task opened and claimed */
    StoreFiller(JdbcTemplate jdbc, String source) {
        this.jdbc = jdbc;
        this.source = source;
        this.sourceEvents = count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", source);
        List<String> first = jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number <= 2 ORDER BY sequence_number", String.class, source);
        if (first.size() != 3 || !first.get(0).endsWith("CampaignLaunched") || !first.get(1).endsWith("TaskOpened")
                || !first.get(2).endsWith("TaskClaimed")) {
            throw new IllegalStateException("campaign " + source + " does not start launched, opened, claimed: " + first);
        }
    }

    long events() {
        return count("SELECT count(*) FROM domain_event_entry");
    }

    long sourceEvents() {
        return sourceEvents;
    }

    /** Copies the source campaign until the store holds at least {@code target} events; the events added per second. */
    double fillTo(long target) {
        long start = System.nanoTime();
        long added = 0;
        long events = events();
        while (events < target) {
            long campaigns = Math.min(CAMPAIGNS_PER_STATEMENT, (target - events + sourceEvents - 1) / sourceEvents);
            int rows = jdbc.update("WITH c AS MATERIALIZED (SELECT g, gen_random_uuid()::text AS id FROM generate_series(1, ?) g)"
                    + INSERT + """
                    SELECT gen_random_uuid()::text, c.id, e.sequence_number, e.type, e.time_stamp, e.payload_type,
                           e.payload_revision, convert_to(replace(convert_from(e.payload, 'UTF8'), ?, c.id), 'UTF8'),
                           e.meta_data
                      FROM c CROSS JOIN domain_event_entry e
                     WHERE e.aggregate_identifier = ?
                     ORDER BY c.g, e.sequence_number
                    """, campaigns, source, source);
            added += rows;
            events += rows;
        }
        return added / Latencies.secondsSince(start);
    }

    /**
     * A campaign of {@code events} events, all but the first three of them alternately a release
     * and a claim of its first task (the source's own claim event, and a release made from it): a
     * long-running campaign whose history is paged. Its id.
     */
    String longCampaign(int events) {
        String id = UUID.randomUUID().toString();
        jdbc.update("WITH e AS (SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number <= 2)"
                + INSERT + """
                SELECT gen_random_uuid()::text, ?, s, e.type, e.time_stamp,
                       CASE WHEN s >= 3 AND s % 2 = 1 THEN replace(e.payload_type, 'TaskClaimed', 'TaskReleased') ELSE e.payload_type END,
                       e.payload_revision,
                       convert_to(CASE WHEN s >= 3 AND s % 2 = 1
                           THEN ((convert_from(e.payload, 'UTF8')::jsonb - 'assignee') || jsonb_build_object(
                                   'campaignId', ?::text,
                                   'previousAssignee', convert_from(e.payload, 'UTF8')::jsonb -> 'assignee'))::text
                           ELSE replace(convert_from(e.payload, 'UTF8'), ?, ?) END, 'UTF8'),
                       e.meta_data
                  FROM generate_series(0, ? - 1) s JOIN e ON e.sequence_number = least(s, 2)
                 ORDER BY s
                """, source, id, id, source, id, events);
        return id;
    }

    /**
     * Campaigns with open tasks for the inbox: each is launched and opens {@code tasksEach} tasks
     * (keys taken in turn from the 2014 steps; the last one a MANAGER's, the others a
     * COORDINATOR's; due dates spread over four months, every fifth without one), of which the
     * first two are claimed by {@code coordinator2} and the third by {@code coordinator}. Events
     * made from the source's launch, task opened and task claimed, with their fields replaced.
     */
    void inbox(int campaigns, int tasksEach, List<String> taskKeys) {
        for (int done = 0; done < campaigns; done += CAMPAIGNS_PER_STATEMENT) {
            jdbc.update("""
                    WITH c AS MATERIALIZED (SELECT g, gen_random_uuid()::text AS id FROM generate_series(1, ?) g),
                         t AS MATERIALIZED (SELECT c.g, c.id, k, gen_random_uuid()::text AS task,
                                                   (?::text[])[1 + (c.g + k) % ?] AS task_key
                                              FROM c CROSS JOIN generate_series(1, ?) k),
                         e AS (SELECT sequence_number, type, time_stamp, payload_type, payload_revision,
                                      convert_from(payload, 'UTF8')::jsonb AS payload,
                                      convert_from(meta_data, 'UTF8')::jsonb AS meta
                                 FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number <= 2),
                         rows AS (
                             SELECT c.g, 0 AS seq, c.id, e.type, e.time_stamp, e.payload_type, e.payload_revision,
                                    e.payload || jsonb_build_object('campaignId', c.id, 'title', 'Inbox benchmark ' || c.g)
                                        AS payload, e.meta
                               FROM c JOIN e ON e.sequence_number = 0
                             UNION ALL
                             SELECT t.g, t.k, t.id, e.type, e.time_stamp, e.payload_type, e.payload_revision,
                                    e.payload || jsonb_build_object('campaignId', t.id, 'taskId', t.task,
                                        'taskKey', t.task_key, 'name', t.task_key,
                                        'role', CASE WHEN t.k = ? THEN 'MANAGER' ELSE 'COORDINATOR' END,
                                        'due', CASE WHEN t.k % 5 = 0 THEN NULL ELSE to_char(
                                            (now() AT TIME ZONE 'UTC') + ((t.g * 7 + t.k) % 120) * interval '1 day',
                                            'YYYY-MM-DD"T"HH24:MI:SS"Z"') END),
                                    e.meta || jsonb_build_object('taskId', t.task)
                               FROM t JOIN e ON e.sequence_number = 1
                             UNION ALL
                             SELECT t.g, ? + t.k, t.id, e.type, e.time_stamp, e.payload_type, e.payload_revision,
                                    e.payload || jsonb_build_object('campaignId', t.id, 'taskId', t.task,
                                        'taskKey', t.task_key,
                                        'assignee', CASE WHEN t.k = 3 THEN 'coordinator' ELSE 'coordinator2' END),
                                    e.meta || jsonb_build_object('taskId', t.task)
                               FROM t JOIN e ON e.sequence_number = 2 WHERE t.k <= 3)
                    """ + INSERT + """
                    SELECT gen_random_uuid()::text, id, seq, type, time_stamp, payload_type, payload_revision,
                           convert_to(payload::text, 'UTF8'), convert_to(meta::text, 'UTF8')
                      FROM rows ORDER BY g, seq
                    """, Math.min(CAMPAIGNS_PER_STATEMENT, campaigns - done), taskKeys.toArray(String[]::new),
                    taskKeys.size(), tasksEach, source, tasksEach, tasksEach);
        }
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }
}
