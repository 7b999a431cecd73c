package org.advocacy.engine.campaign;

import java.util.Map;

import org.advocacy.engine.votes.Outcome;

/** A vote as the rules decided it: its counts (or adopted without a vote) and the outcome they gave. */
public record RecordedVote(String outcomeKey, String rule, String taskKey, Map<String, Object> vote,
                           Outcome outcome, String symbol, long sequence) {
}
