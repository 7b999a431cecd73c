package org.advocacy.engine.campaign;

import java.util.Map;

import org.advocacy.engine.votes.Outcome;

/**
 * A vote as the rules decided it: its counts (or adopted without a vote) and the outcome they gave;
 * {@code electorate} and {@code positions} (member to position) are the whip count as it stood when
 * the vote was recorded, so that the forecast can be compared with the result; both null when no
 * position was assessed for the vote (and {@code electorate} null when none was entered).
 */
public record RecordedVote(String outcomeKey, String rule, String taskKey, Map<String, Object> vote,
                           Outcome outcome, String symbol, long sequence, Electorate electorate,
                           Map<String, String> positions) {
}
