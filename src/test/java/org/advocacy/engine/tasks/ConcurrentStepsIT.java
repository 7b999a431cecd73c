package org.advocacy.engine.tasks;

import static org.advocacy.engine.support.HttpCampaigns.DRAFT_HRC;
import static org.advocacy.engine.support.HttpCampaigns.HRC_ADOPTED;
import static org.advocacy.engine.support.HttpCampaigns.PUBLISHED_ON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Steps of one campaign taken at the same moment: the two New York tracks run in parallel, so two
 * coordinators may well complete their tasks together. Each request must end promptly, either done
 * or refused with 409, never with a 500 after a long wait.
 */
@AppTest
class ConcurrentStepsIT {

    private static final long PROMPTLY_MILLIS = 10_000;

    @LocalServerPort
    int port;

    ApiClient api;
    HttpCampaigns campaigns;
    ExecutorService pool;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        campaigns = new HttpCampaigns(api);
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void two_coordinators_completing_the_two_new_york_tracks_at_once_both_succeed_promptly() throws Exception {
        String id = campaigns.launchFollowUp("Concurrent tracks " + UUID.randomUUID(), PUBLISHED_ON);
        campaigns.atHrcVote(id);
        campaigns.step(id, "record-hrc-vote", HRC_ADOPTED);
        String unga = campaigns.awaitTask(id, "draft-unga-resolution");
        String arria = campaigns.awaitTask(id, "convene-arria-meeting");

        long start = System.currentTimeMillis();
        Future<Answer> drafted = pool.submit(() -> api.post("coordinator", "/api/tasks/" + unga + "/complete",
                Map.of("coSponsors", List.of("European Union"), "endorsesFindings", true, "encouragesIccReferral", true)));
        Future<Answer> convened = pool.submit(() -> api.post("coordinator2", "/api/tasks/" + arria + "/complete",
                Map.of("held", false)));
        Answer draftAnswer = drafted.get();
        Answer arriaAnswer = convened.get();
        long elapsed = System.currentTimeMillis() - start;

        assertThat(draftAnswer.status()).as("%s", draftAnswer.body()).isEqualTo(204);
        assertThat(arriaAnswer.status()).as("%s", arriaAnswer.body()).isEqualTo(204);
        assertThat(elapsed).isLessThan(PROMPTLY_MILLIS);
        assertThat(campaigns.activeTaskKeys(id)).containsExactlyInAnyOrder("organize-side-event", "file-agenda-request");
    }

    @Test
    void the_same_task_completed_four_times_at_once_is_done_once_and_refused_409_otherwise() throws Exception {
        String id = campaigns.launchFollowUp("Concurrent completions " + UUID.randomUUID(), PUBLISHED_ON);
        String draft = campaigns.awaitTask(id, "draft-hrc-resolution");

        List<Answer> answers = all(() -> api.post("coordinator", "/api/tasks/" + draft + "/complete", DRAFT_HRC));

        assertThat(answers).extracting(Answer::status).containsOnly(204, 409).containsOnlyOnce(204);
        assertThat(campaigns.activeTaskKeys(id)).containsExactly("record-hrc-vote");
    }

    @Test
    void two_coordinators_claiming_one_task_at_once_get_one_claim_and_409_for_the_other() throws Exception {
        String id = campaigns.launchFollowUp("Concurrent claims " + UUID.randomUUID(), PUBLISHED_ON);
        String draft = campaigns.awaitTask(id, "draft-hrc-resolution");

        long start = System.currentTimeMillis();
        Future<Answer> first = pool.submit(() -> api.post("coordinator", "/api/tasks/" + draft + "/claim", Map.of()));
        Future<Answer> second = pool.submit(() -> api.post("coordinator2", "/api/tasks/" + draft + "/claim", Map.of()));
        List<Integer> statuses = List.of(first.get().status(), second.get().status());

        assertThat(statuses).containsExactlyInAnyOrder(204, 409);
        assertThat(System.currentTimeMillis() - start).isLessThan(PROMPTLY_MILLIS);
        assertThat(campaigns.eventTypes(id).stream().filter("TaskClaimed"::equals)).hasSize(1);
    }

    private List<Answer> all(java.util.concurrent.Callable<Answer> request) throws Exception {
        List<Future<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            futures.add(pool.submit(request));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
