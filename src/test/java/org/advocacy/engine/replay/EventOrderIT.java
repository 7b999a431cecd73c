package org.advocacy.engine.replay;

import static org.advocacy.engine.support.HttpCampaigns.PUBLISHED_ON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.advocacy.engine.campaign.CampaignCommand.RaiseEscalation;
import org.advocacy.engine.campaign.CampaignEvent.EscalationRaised;
import org.advocacy.engine.platform.CampaignCommandGateway;
import org.advocacy.engine.replay.OrderedEvents.Entry;
import org.advocacy.engine.replay.OrderedEvents.Position;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kind of test Axon runs on its own stores: many threads append at once, each in its own
 * transactions, holding them open for a random while after the append and rolling some back,
 * while a reader follows the store in order. Global indexes then have gaps and commit out of
 * order; the reader must still see every committed event exactly once and no rolled-back one.
 */
@AppTest
class EventOrderIT extends ApiTest {

    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 40;

    @Autowired
    OrderedEvents ordered;

    @Autowired
    CampaignCommandGateway commands;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_reader_in_order_sees_every_committed_event_exactly_once_while_writers_append_and_roll_back()
            throws Exception {
        List<String> campaignIds = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            campaignIds.add(campaigns.launchFollowUp("Insertion order " + UUID.randomUUID(), PUBLISHED_ON));
        }
        Position start = head();
        Set<String> committed = ConcurrentHashMap.newKeySet();
        Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        AtomicReference<Position> end = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            Future<List<String>> reader = pool.submit(() -> {
                List<String> seen = new ArrayList<>();
                Position position = start;
                while (end.get() == null || compare(position, end.get()) < 0) {
                    List<Entry> page = ordered.after(position, 25, true);
                    for (Entry entry : page) {
                        assertThat(compare(entry.position(), position)).as("read in order").isPositive();
                        position = entry.position();
                        if (entry.event().getPayload() instanceof EscalationRaised raised
                                && campaignIds.contains(raised.campaignId())) {
                            seen.add(raised.escalationId());
                        }
                    }
                    if (page.isEmpty()) {
                        pause(5);
                    }
                }
                return seen;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (String campaignId : campaignIds) {
                writers.add(pool.submit(() -> append(campaignId, committed, rolledBack)));
            }
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            end.set(head());
            List<String> seen = reader.get(5, TimeUnit.MINUTES);

            assertThat(rolledBack).as("some appends rolled back").isNotEmpty();
            assertThat(new HashSet<>(seen)).as("each event once").hasSameSizeAs(seen);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(committed);
            assertThat(storedEscalations(campaignIds)).containsExactlyInAnyOrderElementsOf(committed);
        } finally {
            pool.shutdownNow();
        }
    }

    private void append(String campaignId, Set<String> committed, Set<String> rolledBack) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < APPENDS_PER_WRITER; i++) {
            int number = i;
            String escalationId = campaignId + "/" + i;
            boolean rollBack = random.nextInt(4) == 0;
            transaction.executeWithoutResult(status -> {
                commands.send(new RaiseEscalation(campaignId, escalationId, "insertion order " + number), null, null);
                pause(random.nextInt(8));
                if (rollBack) {
                    status.setRollbackOnly();
                }
            });
            (rollBack ? rolledBack : committed).add(escalationId);
        }
    }

    private List<String> storedEscalations(List<String> campaignIds) {
        return jdbc.queryForList("SELECT h.payload ->> 'escalationId' FROM history_entry h"
                + " WHERE h.type = 'EscalationRaised' AND h.campaign_id = ANY (?)", String.class,
                (Object) campaignIds.toArray(String[]::new));
    }

    private Position head() {
        return jdbc.query("SELECT transaction_id::text AS transaction_text, global_index FROM domain_event_entry"
                        + " ORDER BY transaction_id DESC, global_index DESC LIMIT 1",
                (row, index) -> new Position(Long.parseLong(row.getString(1)), row.getLong(2)))
                .stream().findFirst().orElse(Position.START);
    }

    private static int compare(Position one, Position other) {
        int byTransaction = Long.compare(one.transaction(), other.transaction());
        return byTransaction != 0 ? byTransaction : Long.compare(one.index(), other.index());
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
