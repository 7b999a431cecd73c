package org.advocacy.engine.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.advocacy.engine.bench.Campaign2014.Client;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * {@code step_ratio}: claim + complete steps per second through the HTTP API, whole 2014 campaigns
 * driven by one client (a step: GET the campaign's active tasks, POST claim, POST complete, with
 * the validation, the events, the projections and the hash chain that go with them), divided by
 * the same find, claim and complete of a trivial process on Camunda alone ({@link BareCamunda}),
 * measured right before on the same database. Then the steps per second of 4 and 8 concurrent
 * clients, each with campaigns of its own, and the ratio of 8 clients to 1.
 * <p>
 * Each client's campaigns are launched before the clock starts (a launch is not a step); the clock
 * runs from the moment all clients start until the last one has completed its last step. The JIT
 * warms up on an unmeasured run of 4 clients first: a first campaign is several times slower.
 */
final class StepBenchmark {

    private final AppUnderTest app;
    private final BenchSize size;

    StepBenchmark(AppUnderTest app, BenchSize size) {
        this.app = app;
        this.size = size;
    }

    /** Runs the measures; the id of a finished 2014 campaign, for the store filler to copy. */
    String run(Results results) throws Exception {
        String finished = drive(4, size.campaignsPerClient().get(1)).lastCampaign();
        double bare;
        try (BareCamunda camunda = BareCamunda.beside(app.bean(ProcessEngine.class), app.dataSource())) {
            bare = camunda.stepsPerSecond(Duration.ofSeconds(2), size.appendTime());
        }
        List<Double> rates = new ArrayList<>();
        for (int index = 0; index < BenchSize.CLIENTS.size(); index++) {
            rates.add(drive(BenchSize.CLIENTS.get(index), size.campaignsPerClient().get(index)).stepsPerSecond());
        }
        results.add("step_ratio", rates.get(0) / bare, "%.1f steps/s over HTTP, 1 client / %.1f bare Camunda find+claim+complete/s"
                .formatted(rates.get(0), bare), Results.Goal.atLeast(0.7));
        for (int index = 0; index < rates.size(); index++) {
            int clients = BenchSize.CLIENTS.get(index);
            results.add("steps_per_s_" + clients + (clients == 1 ? "_client" : "_clients"), rates.get(index),
                    "each client its own 2014 campaigns, %d x %d steps"
                            .formatted(size.campaignsPerClient().get(index), Campaign2014.STEPS.size()));
        }
        results.add("camunda_steps_per_s", bare, "bare Camunda, user-task loop, 1 client, same database");
        results.add("steps_8_over_1_clients", rates.get(2) / rates.get(0), "steps/s of 8 clients / of 1 client, %d cores"
                .formatted(Runtime.getRuntime().availableProcessors()), Results.Goal.atLeast(1.6));
        return finished;
    }

    /** What one run of clients did: its steps per second, and one of the campaigns it finished. */
    private record Run(double stepsPerSecond, String lastCampaign) {
    }

    private Run drive(int clients, int campaignsEach) throws Exception {
        List<Client> drivers = new ArrayList<>();
        List<List<String>> campaigns = new ArrayList<>();
        for (int client = 1; client <= clients; client++) {
            Client driver = Campaign2014.Client.on(app.port(), AppUnderTest.coordinator(client));
            List<String> own = new ArrayList<>();
            for (int campaign = 0; campaign < campaignsEach; campaign++) {
                own.add(Campaign2014.launch(driver.coordinator()));
            }
            drivers.add(driver);
            campaigns.add(own);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                Client driver = drivers.get(client);
                List<String> own = campaigns.get(client);
                running.add(pool.submit(() -> own.forEach(campaign -> Campaign2014.run(driver, campaign))));
            }
            for (Future<?> client : running) {
                client.get();
            }
            double seconds = Latencies.secondsSince(start);
            long steps = (long) clients * campaignsEach * Campaign2014.STEPS.size();
            System.out.printf("steps: %d clients, %d steps in %.1f s%n", clients, steps, seconds);
            return new Run(steps / seconds, campaigns.get(0).get(campaignsEach - 1));
        } finally {
            pool.shutdownNow();
        }
    }
}
