package org.advocacy.engine.bench;

import java.util.ArrayList;
import java.util.List;

import org.advocacy.engine.bench.ReplayBenchmark.Replay;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The measures that want a big store, as the store grows through the sizes of
 * {@link BenchSize#replayStages()}: at each, the store is filled up to that size
 * ({@link StoreFiller}), then the raw scan and the rebuild are measured ({@link ReplayBenchmark});
 * the rebuild also projects what was filled. From the second size on, the history of a campaign of
 * {@link BenchSize#historyEvents()} events (added before the second fill) is read
 * ({@link HistoryBenchmark}). Then the inbox campaigns are added and projected by one more
 * (unmeasured) rebuild, and the inbox ({@link InboxBenchmark}) and verification
 * ({@link VerifyBenchmark}) are measured on that store: so every replay stage but the long
 * campaign holds copies of the 2014 campaign only, and the rates of the stages compare. After each fill and each rebuild the database is vacuumed and analysed, as autovacuum
 * would soon after such a load: no figure is measured on the statistics of an emptier table, nor
 * beside an autovacuum of the load.
 */
final class StoreStages {

    private final AppUnderTest app;
    private final BenchSize size;
    private final String source;

    /** @param source a finished 2014 campaign, which the filler copies */
    StoreStages(AppUnderTest app, BenchSize size, String source) {
        this.app = app;
        this.size = size;
        this.source = source;
    }

    void run(Results results) throws Exception {
        JdbcTemplate jdbc = app.jdbc();
        StoreFiller filler = new StoreFiller(jdbc, source);
        ReplayBenchmark replay = new ReplayBenchmark(app);
        HistoryBenchmark history = new HistoryBenchmark(app);
        replay.measure(); // a warm-up of both, on what the store holds
        List<Long> stages = size.replayStages();
        List<Replay> replays = new ArrayList<>();
        List<Double> historyP99 = new ArrayList<>();
        String longCampaign = null;
        for (int stage = 0; stage < stages.size(); stage++) {
            String label = label(stages.get(stage));
            if (stage == Math.min(1, stages.size() - 1)) {
                longCampaign = filler.longCampaign(size.historyEvents());
            }
            long before = filler.events();
            double fillRate = filler.fillTo(stages.get(stage));
            long copied = filler.events() - before;
            System.out.println(copied == 0 ? "store: %,d events already, from the measures before; nothing copied".formatted(before)
                    : "store: %,d events, %,d of them just copied from a %d-event 2014 campaign at %,.0f events/s"
                    .formatted(before + copied, copied, filler.sourceEvents(), fillRate));
            jdbc.execute("VACUUM ANALYZE");
            Replay measured = replay.measure();
            jdbc.execute("VACUUM ANALYZE");
            replays.add(measured);
            results.add("replay_ratio_" + label, measured.ratio(), "rebuild %,.0f events/s / raw ordered scan %,.0f rows/s, %,d events"
                    .formatted(measured.rebuildEventsPerSecond(), measured.scanRowsPerSecond(), measured.events()),
                    Results.Goal.atLeast(0.25));
            results.add("replay_events_per_s_" + label, measured.rebuildEventsPerSecond(),
                    "ProjectionRebuild.start() to DONE, every read model");
            if (stage >= 1) {
                Latencies pages = history.measure(longCampaign, size.historyEvents(), size.requests());
                historyP99.add(pages.p99());
                String detail = "GET .../history?page=random&size=%d, a campaign of %,d events, %,d in the store, %d requests"
                        .formatted(HistoryBenchmark.PAGE_SIZE, size.historyEvents(), measured.events(), pages.count());
                results.add("history_p50_ms_" + label, pages.p50(), detail);
                results.add("history_p99_ms_" + label, pages.p99(), detail, Results.Goal.below(20));
            }
        }
        Replay first = replays.get(0);
        Replay last = replays.get(replays.size() - 1);
        results.add("replay_ratio", last.ratio(), "at the largest store, %,d events".formatted(last.events()),
                Results.Goal.atLeast(0.25));
        results.add("replay_rate_" + label(stages.get(stages.size() - 1)) + "_over_" + label(stages.get(0)),
                last.rebuildEventsPerSecond() / first.rebuildEventsPerSecond(),
                "rebuild events/s at %,d events / at %,d".formatted(last.events(), first.events()), Results.Goal.atLeast(0.8));
        if (!historyP99.isEmpty()) {
            results.add("history_p99_ms", historyP99.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                    "the highest p99 of the store sizes above", Results.Goal.below(20));
        }
        filler.inbox(size.inboxCampaigns(), BenchSize.TASKS_PER_CAMPAIGN,
                Campaign2014.STEPS.stream().map(Campaign2014.Step::task).distinct().toList());
        System.out.printf("store: %,d events with the inbox campaigns; projecting them with a rebuild%n", filler.events());
        replay.rebuild();
        jdbc.execute("VACUUM ANALYZE");
        inbox(results, filler.events());
        new VerifyBenchmark(app).measure(results);
    }

    private void inbox(Results results, long events) {
        InboxBenchmark inbox = new InboxBenchmark(app);
        Long open = app.jdbc().queryForObject("SELECT count(*) FROM open_task", Long.class);
        String store = "%,d open tasks (%,d in this coordinator's inbox), %,d events"
                .formatted(open, inbox.matching(), events);
        Latencies list = inbox.list(size.requests());
        results.add("inbox_p50_ms", list.p50(), "OpenTasks.list, the /inbox query of a coordinator; " + store);
        results.add("inbox_p99_ms", list.p99(), "the same, %d requests".formatted(list.count()), Results.Goal.below(50));
        Latencies page = inbox.page(size.requests());
        results.add("inbox_page_p50_ms", page.p50(), "all four queries of the /inbox page: list, count, campaigns, filters");
        results.add("inbox_page_p99_ms", page.p99(), "the same, %d requests".formatted(page.count()), Results.Goal.below(50));
        if (inbox.apiPresent()) {
            Latencies api = inbox.api(size.requests());
            results.add("api_tasks_p50_ms", api.p50(), "GET /api/tasks as a coordinator (first page of 50), over HTTP");
            results.add("api_tasks_p99_ms", api.p99(), "the same, %d requests".formatted(api.count()), Results.Goal.below(50));
        } else {
            System.out.println("inbox: GET /api/tasks does not answer 200; not measured");
        }
    }

    /** 10k, 100k, 1m. */
    static String label(long events) {
        return events >= 1_000_000 && events % 1_000_000 == 0 ? events / 1_000_000 + "m" : events / 1000 + "k";
    }
}
