package org.advocacy.engine.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.advocacy.engine.campaign.ActiveTask;
import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.campaign.CompletedStep;
import org.advocacy.engine.campaign.RecordedVote;
import org.advocacy.engine.votes.VoteRule;

/**
 * A campaign as a page shows it at one point of its record: its outcomes, votes (for the charts),
 * open tasks, the facts recorded so far, and what to mark on each diagram.
 *
 * @param markers per process key: the task keys done and active, and the escalations raised
 */
record CampaignState(CampaignSnapshot snapshot, List<Outcome> outcomes, List<Chart> charts, List<Fact> facts,
                     Map<String, Markers> markers) {

    record Outcome(String key, String name, String outcome) {
    }

    /** One vote as a bar chart: counted, or adopted without a vote (no bars). */
    record Chart(String id, String title, String outcome, boolean counted, long inFavour, long against, long abstaining,
                 String date, String symbol) {
    }

    /** One completed step and what it recorded, readably. */
    record Fact(long sequence, String task, String forum, String when, List<Map.Entry<String, String>> values) {
    }

    record Markers(Set<String> done, Set<String> active, List<String> escalated) {
    }

    interface Names {
        String task(String key);

        /** The label that the task's form gives the field. */
        String field(String taskKey, String fieldId);

        String process(String key);
    }

    static CampaignState of(CampaignSnapshot snapshot, List<String> processKeys, Names names) {
        List<Outcome> outcomes = new ArrayList<>();
        snapshot.outcomes().forEach((key, outcome) -> outcomes.add(new Outcome(key,
                EventSentences.voteName(ruleOf(snapshot, key), key), outcome.name())));
        List<Chart> charts = new ArrayList<>();
        for (RecordedVote vote : snapshot.votes()) {
            Map<String, Object> counts = vote.vote() == null ? Map.of() : vote.vote();
            boolean counted = !Boolean.TRUE.equals(counts.get(VoteRule.ADOPTED_WITHOUT_VOTE));
            charts.add(new Chart("vote-" + vote.sequence(), EventSentences.voteName(vote.rule(), vote.outcomeKey()),
                    vote.outcome().name(), counted, number(counts.get(VoteRule.IN_FAVOUR)),
                    number(counts.get(VoteRule.AGAINST)), number(counts.get(VoteRule.ABSTAINING)),
                    counts.get(VoteRule.DATE) == null ? "" : counts.get(VoteRule.DATE).toString(), vote.symbol()));
        }
        List<Fact> facts = new ArrayList<>();
        for (CompletedStep step : snapshot.steps()) {
            List<Map.Entry<String, String>> values = new ArrayList<>();
            step.fields().forEach((key, value) -> values.add(Map.entry(names.field(step.key(), key), readable(value))));
            facts.add(new Fact(step.sequence(), names.task(step.key()), names.process(step.forum()),
                    Pages.minute(step.completedAt()), values));
        }
        Map<String, Markers> markers = new LinkedHashMap<>();
        for (String process : processKeys) {
            Set<String> done = new LinkedHashSet<>();
            snapshot.steps().stream().filter(step -> process.equals(step.forum())).forEach(step -> done.add(step.key()));
            Set<String> active = new LinkedHashSet<>();
            // an open task past its due date is an escalation of the path, marked as the timers' are
            List<String> escalated = new ArrayList<>(snapshot.escalations());
            for (ActiveTask task : snapshot.activeTasks()) {
                if (process.equals(task.forum())) {
                    active.add(task.key());
                    if (task.overdue()) {
                        escalated.add(task.key());
                    }
                }
            }
            markers.put(process, new Markers(done, active, escalated));
        }
        return new CampaignState(snapshot, outcomes, charts, facts, markers);
    }

    private static String ruleOf(CampaignSnapshot snapshot, String outcomeKey) {
        return snapshot.votes().stream().filter(vote -> vote.outcomeKey().equals(outcomeKey)).map(RecordedVote::rule)
                .reduce((first, last) -> last).orElse(outcomeKey);
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    static String readable(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((key, item) -> parts.add(key + ": " + item));
            return String.join("; ", parts);
        }
        return value == null ? "" : value.toString();
    }
}
