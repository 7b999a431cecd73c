package org.advocacy.engine.tasks;

import static org.advocacy.engine.support.HttpCampaigns.PUBLISHED_ON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.advocacy.engine.replay.OrderedEvents;
import org.advocacy.engine.replay.OrderedEvents.Entry;
import org.advocacy.engine.replay.OrderedEvents.Position;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Steps of different campaigns share no lock: a step of campaign A is held open inside its
 * transaction, after its event is appended, while a step of campaign B starts, appends and
 * commits. Until A commits, a reader of the whole store in order takes neither event, because A
 * might still commit behind B; once A commits it takes both, A's first.
 */
@AppTest
class ParallelCampaignsIT extends ApiTest {

    /** How long B may take before the test calls it blocked: far more than a step takes, so it never decides a pass. */
    private static final long BLOCKED_AFTER_SECONDS = 60;

    @Autowired
    TaskSteps steps;

    @Autowired
    OrderedEvents ordered;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_step_of_another_campaign_appends_and_commits_while_a_step_of_this_one_is_held_open() throws Exception {
        String a = campaigns.launchFollowUp("Held open " + UUID.randomUUID(), PUBLISHED_ON);
        String b = campaigns.launchFollowUp("Goes ahead " + UUID.randomUUID(), PUBLISHED_ON);
        String taskOfA = campaigns.awaitTask(a, "draft-hrc-resolution");
        String taskOfB = campaigns.awaitTask(b, "draft-hrc-resolution");
        Position before = lastPosition();

        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> stepOfA = CompletableFuture.runAsync(() -> {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "coordinator", null, AuthorityUtils.createAuthorityList("ROLE_COORDINATOR")));
            try {
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    steps.claim(taskOfA, a);
                    appended.countDown();
                    await(release);
                });
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        try {
            assertThat(appended.await(BLOCKED_AFTER_SECONDS, TimeUnit.SECONDS)).as("A appended its event").isTrue();
            assertThat(uncommittedEventsOf(a)).as("A's claim, in A's open transaction").isZero();

            Answer claimOfB = CompletableFuture.supplyAsync(() -> api.post("coordinator", "/api/tasks/" + taskOfB + "/claim", Map.of()))
                    .get(BLOCKED_AFTER_SECONDS, TimeUnit.SECONDS);

            assertThat(claimOfB.status()).as("%s", claimOfB.body()).isEqualTo(204);
            assertThat(stepOfA).as("A is still held open").isNotDone();
            assertThat(campaigns.campaign(b).path("activeTasks").get(0).path("assignee").asText()).isEqualTo("coordinator");
            assertThat(ordered.after(before, 100, true)).as("nothing settled while A, older, may still commit")
                    .isEmpty();
        } finally {
            release.countDown();
        }
        stepOfA.get(BLOCKED_AFTER_SECONDS, TimeUnit.SECONDS);

        List<String> read = ordered.after(before, 100, true).stream().map(Entry::event)
                .map(event -> event.getAggregateIdentifier() + ":" + event.getPayloadType().getSimpleName()).toList();
        assertThat(read).containsExactly(a + ":TaskClaimed", b + ":TaskClaimed");
    }

    private Position lastPosition() {
        return jdbc.query("SELECT transaction_id::text AS transaction_text, global_index FROM domain_event_entry"
                        + " ORDER BY transaction_id DESC, global_index DESC LIMIT 1",
                (row, index) -> new Position(Long.parseLong(row.getString(1)), row.getLong(2)))
                .stream().findFirst().orElse(Position.START);
    }

    private long uncommittedEventsOf(String campaignId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%TaskClaimed'", Long.class, campaignId);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(BLOCKED_AFTER_SECONDS * 2, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the step of A");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
