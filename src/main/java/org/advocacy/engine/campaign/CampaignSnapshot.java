package org.advocacy.engine.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.votes.Outcome;

/** A campaign as it stood after its event number {@code lastSequence}. */
public record CampaignSnapshot(String id, String title, String template, CampaignStatus status, String stage,
                               Map<String, Outcome> outcomes, List<ActiveTask> activeTasks,
                               Map<String, Object> fields, LocalDate origin, List<String> escalations,
                               Instant launchedAt, Instant updatedAt, long lastSequence) {
}
