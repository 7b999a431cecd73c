package org.advocacy.engine.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.votes.Outcome;

/**
 * A campaign as it stood after its event number {@code lastSequence}: its outcomes, open tasks,
 * the steps completed so far with their facts, and every vote recorded; {@code statusReason} is
 * why a manager suspended or cancelled it; {@code positions}, by vote key and member, how each
 * member is expected to vote; {@code electorates}, by vote key, who votes there as entered.
 */
public record CampaignSnapshot(String id, String title, String template, CampaignStatus status, String stage,
                               Map<String, Outcome> outcomes, List<ActiveTask> activeTasks,
                               Map<String, Object> fields, LocalDate origin, List<String> escalations,
                               Instant launchedAt, Instant updatedAt, long lastSequence,
                               List<CompletedStep> steps, List<RecordedVote> votes, String statusReason,
                               Map<String, Map<String, AssessedPosition>> positions,
                               Map<String, Electorate> electorates) {

    /** Read models written before steps and votes were kept have neither: they read as empty. */
    public CampaignSnapshot {
        steps = steps == null ? List.of() : steps;
        votes = votes == null ? List.of() : votes;
        positions = positions == null ? Map.of() : positions;
        electorates = electorates == null ? Map.of() : electorates;
    }
}
