package org.advocacy.engine.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.advocacy.engine.chaos.FailoverClient.Answer;

/** What must hold of the stored record after any run, however it was treated; read from the database. */
final class Invariants {

    record Report(int campaigns, int steps, long events, int lost, int duplicated, int orphans, int chainsValid,
                  String rebuild, List<String> problems) {
    }

    private static final List<String> READ_MODELS = List.of("campaign_view", "open_task", "history_entry");

    private final Connection database;
    private final FailoverClient client;
    private final Set<String> completedTasks;
    private final Set<String> launched;

    Invariants(Connection database, FailoverClient client, Set<String> completedTasks, Set<String> launched) {
        this.database = database;
        this.client = client;
        this.completedTasks = completedTasks;
        this.launched = launched;
    }

    Report check(String timerCampaign, String sampleTitle, List<String> earlierFailures) throws Exception {
        List<String> problems = new ArrayList<>(earlierFailures);
        try (database) {
            List<String> campaigns = strings("SELECT DISTINCT aggregate_identifier FROM domain_event_entry ORDER BY 1");
            long events = number("SELECT count(*) FROM domain_event_entry");
            Map<String, Long> stepEvents = counts("""
                    SELECT convert_from(payload, 'UTF8')::jsonb ->> 'taskId', count(*) FROM domain_event_entry
                     WHERE payload_type LIKE '%StepCompleted' GROUP BY 1""");
            Set<String> camundaCompleted = new HashSet<>(strings(
                    "SELECT id_ FROM act_hi_taskinst WHERE end_time_ IS NOT NULL AND delete_reason_ = 'completed'"));

            int lost = 0;
            for (String task : completedTasks) {
                if (!stepEvents.containsKey(task)) {
                    lost++;
                    problems.add("task " + task + " was answered as completed, and no StepCompleted event records it");
                }
            }
            for (String campaign : launched) {
                if (!campaigns.contains(campaign)) {
                    lost++;
                    problems.add("campaign " + campaign + " was answered as launched, and has no events");
                }
            }

            int duplicated = 0;
            for (Map.Entry<String, Long> step : stepEvents.entrySet()) {
                if (step.getValue() > 1) {
                    duplicated += (int) (step.getValue() - 1);
                    problems.add("task " + step.getKey() + " has " + step.getValue() + " StepCompleted events");
                }
            }
            for (Map.Entry<String, Long> title : counts("SELECT title, count(*) FROM campaign_view GROUP BY 1").entrySet()) {
                if (title.getValue() > 1) {
                    duplicated += (int) (title.getValue() - 1);
                    problems.add(title.getValue() + " campaigns are titled " + title.getKey());
                }
            }
            long escalations = escalations(database, timerCampaign);
            if (escalations != 1) {
                duplicated += escalations > 1 ? (int) (escalations - 1) : 0;
                problems.add("the six-month escalation of " + timerCampaign + " was raised " + escalations + " times, not once");
            }
            for (Map.Entry<String, Long> definition : counts(
                    "SELECT key_, count(*) FROM act_re_procdef GROUP BY 1").entrySet()) {
                if (definition.getValue() > 1) {
                    duplicated += (int) (definition.getValue() - 1);
                    problems.add("template " + definition.getKey() + " was deployed " + definition.getValue() + " times");
                }
            }
            long samples = number("SELECT count(*) FROM campaign_view WHERE title = '" + sampleTitle.replace("'", "''") + "'");
            if (samples != 1) {
                problems.add("the sample campaign is there " + samples + " times, not once");
            }

            int orphans = 0;
            for (String task : stepEvents.keySet()) {
                if (!camundaCompleted.contains(task)) {
                    orphans++;
                    problems.add("the StepCompleted event of task " + task + " has no completed Camunda task");
                }
            }
            for (String task : camundaCompleted) {
                if (!stepEvents.containsKey(task)) {
                    orphans++;
                    problems.add("Camunda task " + task + " was completed, and no StepCompleted event records it");
                }
            }

            for (String broken : strings("""
                    SELECT aggregate_identifier FROM domain_event_entry GROUP BY 1
                    HAVING count(*) <> max(sequence_number) + 1 OR count(DISTINCT sequence_number) <> count(*)""")) {
                problems.add("campaign " + broken + " has a gap or a duplicate in its sequence");
            }

            int chainsValid = 0;
            for (String campaign : campaigns) {
                Answer verified = client.get("manager", "/api/campaigns/" + campaign + "/verify");
                if (verified.status() == 200 && verified.body().path("valid").asBoolean()) {
                    chainsValid++;
                } else {
                    problems.add("campaign " + campaign + " does not verify: " + verified.body());
                }
            }

            long incidents = number("SELECT count(*) FROM act_ru_incident");
            if (incidents > 0) {
                problems.add("Camunda has " + incidents + " incidents: "
                        + strings("SELECT incident_msg_ FROM act_ru_incident LIMIT 5"));
            }

            String rebuild = rebuildMatches(problems);
            return new Report(campaigns.size(), stepEvents.size(), events, lost, duplicated, orphans, chainsValid,
                    rebuild, problems);
        }
    }

    /** Rebuilds every read model from the record and compares each with what the live projections had written. */
    private String rebuildMatches(List<String> problems) throws Exception {
        Map<String, String> before = readModels();
        Answer started = client.post("admin", "/api/admin/projections/rebuild", Map.of());
        if (started.status() != 202) {
            problems.add("the rebuild could not start: " + started.status() + " " + started.body());
            return "not run";
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String status = "RUNNING";
        while (status.equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = client.get("admin", "/api/admin/projections/rebuild").body().path("status").asText();
        }
        if (!status.equals("DONE")) {
            problems.add("the rebuild ended " + status);
            return status;
        }
        Map<String, String> after = readModels();
        for (String table : READ_MODELS) {
            if (!before.get(table).equals(after.get(table))) {
                problems.add("read model " + table + " differs from its rebuild: " + before.get(table) + " before, "
                        + after.get(table) + " rebuilt");
            }
        }
        return before.equals(after) ? "equal to the live read models " + before : "DIFFERENT";
    }

    private Map<String, String> readModels() throws SQLException {
        Map<String, String> digests = new HashMap<>();
        for (String table : READ_MODELS) {
            digests.put(table, strings("SELECT count(*) || ' rows, md5 ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-')"
                    + " FROM " + table + " t").get(0));
        }
        return digests;
    }

    static long escalations(Connection database, String campaign) throws SQLException {
        try (PreparedStatement count = database.prepareStatement("SELECT count(*) FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%EscalationRaised'")) {
            count.setString(1, campaign);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = database.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private long number(String sql) throws SQLException {
        return Long.parseLong(strings(sql).get(0));
    }

    private Map<String, Long> counts(String sql) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Statement statement = database.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                counts.put(result.getString(1), result.getLong(2));
            }
        }
        return counts;
    }
}
