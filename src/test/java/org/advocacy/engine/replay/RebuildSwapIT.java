package org.advocacy.engine.replay;

import static org.advocacy.engine.support.HttpCampaigns.DRAFT_HRC;
import static org.advocacy.engine.support.HttpCampaigns.PUBLISHED_ON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.advocacy.engine.replay.ReplayIT.ReadModelAnswers;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rebuild's swap while coordinators keep stepping and managers keep reading: no step deadlocks or
 * fails, every step lands in the read models as a fresh rebuild gives them, and the node is not
 * ready while it swaps. How long a read waited during the swap is measured and printed, not asserted.
 */
@AppTest
class RebuildSwapIT extends ApiTest {

    private static final int STEPPERS = 3;
    private static final Map<String, Object> HRC_REJECTED = Map.of("date", "2014-03-28", "inFavour", 18, "against", 18,
            "abstaining", 11);
    private static final Map<String, Object> REDRAFT = Map.of("decision", "REDRAFT");

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    /** When this node's readiness went down and up again, and what its readiness probe answered meanwhile. */
    private final class SwapWindow implements ApplicationListener<ApplicationEvent> {
        volatile long refusedAt;
        volatile long acceptedAt;
        final List<Integer> probedDuringSwap = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof AvailabilityChangeEvent<?> change && change.getState() == ReadinessState.REFUSING_TRAFFIC) {
                probedDuringSwap.add(api.exchange(null, "GET", "/actuator/health/readiness", null).statusCode());
                refusedAt = System.nanoTime();
            } else if (event instanceof AvailabilityChangeEvent<?> change
                    && change.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                acceptedAt = System.nanoTime();
            }
        }

        boolean overlaps(long start, long end) {
            return start < acceptedAt && end > refusedAt;
        }
    }

    private record Timed(long start, long end, int status) {
        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(end - start);
        }
    }

    @Test
    void steps_and_reads_go_on_through_a_rebuilds_swap_and_land_as_a_fresh_rebuild_gives_them() throws Exception {
        String watched = campaigns.launchFollowUp("Read during the swap " + UUID.randomUUID(), PUBLISHED_ON);
        campaigns.atHrcVote(watched);
        AtomicBoolean going = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Timed> steps = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Timed> reads = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(STEPPERS + 1);
        SwapWindow swap = new SwapWindow();
        context.addApplicationListener(swap);
        try {
            List<Future<Map.Entry<String, Integer>>> steppers = new ArrayList<>();
            for (int stepper = 0; stepper < STEPPERS; stepper++) {
                steppers.add(pool.submit(() -> stepUntilStopped(going, steps)));
            }
            Future<?> reader = pool.submit(() -> {
                while (going.get()) {
                    long start = System.nanoTime();
                    int status = api.get("manager", "/api/campaigns/" + watched).status();
                    reads.add(new Timed(start, System.nanoTime(), status));
                }
            });
            Thread.sleep(1500);

            long rebuildStarted = System.nanoTime();
            assertThat(api.post("admin", "/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
            JsonNode done = ReadModelAnswers.awaitRebuild(api);
            long rebuildEnded = System.nanoTime();
            Thread.sleep(1000);
            going.set(false);
            reader.get(30, TimeUnit.SECONDS);
            List<Map.Entry<String, Integer>> stepped = new ArrayList<>();
            for (Future<Map.Entry<String, Integer>> stepper : steppers) {
                stepped.add(stepper.get(30, TimeUnit.SECONDS));
            }

            List<Timed> readsInSwap = reads.stream().filter(read -> swap.overlaps(read.start(), read.end())).toList();
            long longestReadPause = readsInSwap.stream().mapToLong(Timed::millis).max().orElse(0);
            long longestReadOtherwise = reads.stream().filter(read -> !swap.overlaps(read.start(), read.end()))
                    .mapToLong(Timed::millis).max().orElse(0);
            long stepsDuringRebuild = steps.stream().filter(step -> step.end() > rebuildStarted && step.start() < rebuildEnded)
                    .count();
            long stepsDuringSwap = steps.stream().filter(step -> swap.overlaps(step.start(), step.end())).count();
            System.out.printf("rebuild swap: longest read pause = %d ms, steps during rebuild = %d%n", longestReadPause,
                    stepsDuringRebuild);
            System.out.printf("rebuild swap: the swap took %d ms for %d events; %d reads and %d steps overlapped it;"
                            + " longest read outside it %d ms; %d steps, %d reads in all%n",
                    TimeUnit.NANOSECONDS.toMillis(swap.acceptedAt - swap.refusedAt), done.path("processed").asLong(),
                    readsInSwap.size(), stepsDuringSwap, longestReadOtherwise, steps.size(), reads.size());
            assertThat(done.path("status").asText()).as("%s", done).isEqualTo("DONE");
            assertThat(swap.probedDuringSwap).containsExactly(503);
            assertThat(api.exchange(null, "GET", "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
            assertThat(steps).allSatisfy(step -> assertThat(step.status()).isEqualTo(204));
            assertThat(reads).isNotEmpty().allSatisfy(read -> assertThat(read.status()).isEqualTo(200));
            for (Map.Entry<String, Integer> campaign : stepped) {
                long recorded = campaigns.eventTypes(campaign.getKey()).stream().filter("StepCompleted"::equals).count();
                assertThat(recorded).as("steps of %s", campaign.getKey()).isEqualTo(campaign.getValue().longValue());
                Long newest = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ?", Long.class, campaign.getKey());
                assertThat(campaigns.campaign(campaign.getKey()).path("lastSequence").asLong()).isEqualTo(newest);
            }
            Map<String, String> afterTheSwap = ReadModelAnswers.of(api);
            String openTasksAfterTheSwap = openTasks();
            assertThat(api.post("admin", "/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
            assertThat(ReadModelAnswers.awaitRebuild(api).path("status").asText()).isEqualTo("DONE");
            ReadModelAnswers.assertSame(ReadModelAnswers.of(api), afterTheSwap);
            assertThat(openTasks()).isEqualTo(openTasksAfterTheSwap);

        } finally {
            going.set(false);
            context.removeApplicationListener(swap);
            pool.shutdownNow();
        }
    }

    /**
     * One campaign's HRC track round and round (drafted, rejected, redrafted), each claim and
     * completion timed; the campaign and the number of steps completed.
     */
    private Map.Entry<String, Integer> stepUntilStopped(AtomicBoolean going, ConcurrentLinkedQueue<Timed> steps) {
        String id = campaigns.launchFollowUp("Stepping through a rebuild " + UUID.randomUUID(), PUBLISHED_ON);
        List<Map.Entry<String, Map<String, Object>>> round = List.of(Map.entry("draft-hrc-resolution", DRAFT_HRC),
                Map.entry("record-hrc-vote", HRC_REJECTED), Map.entry("review-hrc-strategy", REDRAFT));
        int completed = 0;
        while (going.get()) {
            for (Map.Entry<String, Map<String, Object>> step : round) {
                String task = campaigns.awaitTask(id, step.getKey());
                timed(steps, () -> api.post("coordinator", "/api/tasks/" + task + "/claim", Map.of()));
                Timed completion = timed(steps, () -> api.post("coordinator", "/api/tasks/" + task + "/complete",
                        step.getValue()));
                if (completion.status() != 204) {
                    return Map.entry(id, completed);
                }
                completed++;
            }
        }
        return Map.entry(id, completed);
    }

    private static Timed timed(ConcurrentLinkedQueue<Timed> steps, java.util.function.Supplier<Answer> request) {
        long start = System.nanoTime();
        Answer answer = request.get();
        Timed timed = new Timed(start, System.nanoTime(), answer.status());
        steps.add(timed);
        if (answer.status() != 204) {
            System.out.printf("rebuild swap: a step was answered %d: %s%n", answer.status(), answer.body());
        }
        return timed;
    }

    private String openTasks() {
        return jdbc.queryForList("SELECT * FROM open_task ORDER BY task_id").toString();
    }
}
