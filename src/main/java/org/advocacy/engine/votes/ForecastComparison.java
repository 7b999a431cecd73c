package org.advocacy.engine.votes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A forecast set against the vote as recorded. Where the vote lists each member's vote (a Council
 * vote's {@code votes}), member by member: each member of the electorate whose likely vote (or
 * absence) is the one recorded is a match. Otherwise by counts: the votes in favour, against and
 * abstaining that the forecast placed on the right side, over the larger of the two totals. A vote
 * adopted without a vote is compared by its outcome alone.
 *
 * @param compared members (per member), votes (by counts) or 1 (by outcome) compared
 * @param matched  of those, how many the forecast had right
 * @param misses   per member, "Chad: expected ABSTAIN, voted YES"; by counts, the counts that differ
 */
public record ForecastComparison(Method method, int compared, int matched, Outcome forecastOutcome,
                                 Outcome outcome, List<String> misses) {

    /** How a forecast was compared with its vote. */
    public enum Method { PER_MEMBER, BY_COUNTS, BY_OUTCOME }

    /** Share of what was compared that the forecast had right, 0 to 1 (1 when nothing was compared). */
    public double accuracy() {
        return compared == 0 ? 1.0 : (double) matched / compared;
    }

    /** Whether the forecast's likely outcome is the outcome recorded. */
    public boolean outcomeRight() {
        return forecastOutcome == outcome;
    }

    /**
     * @param forecast   the forecast as it stood when the vote was recorded
     * @param electorate the members who voted, the order to list misses in
     * @param positions  their assessed positions then (a member without one was UNDECIDED)
     */
    public static ForecastComparison of(Forecast forecast, List<String> electorate, Map<String, Position> positions,
                                        Vote vote, Outcome outcome) {
        if (vote.adoptedWithoutVote()) {
            boolean right = forecast.likelyOutcome() == outcome;
            return new ForecastComparison(Method.BY_OUTCOME, 1, right ? 1 : 0, forecast.likelyOutcome(), outcome,
                    right ? List.of() : List.of("forecast " + forecast.likelyOutcome() + ", adopted without a vote"));
        }
        if (!vote.votes().isEmpty()) {
            return perMember(forecast, electorate, positions, vote, outcome);
        }
        VoteCounts likely = forecast.likely();
        int placed = Math.min(likely.inFavour(), vote.inFavour()) + Math.min(likely.against(), vote.against())
                + Math.min(likely.abstaining(), vote.abstaining());
        int total = Math.max(likely.inFavour() + likely.against() + likely.abstaining(),
                vote.inFavour() + vote.against() + vote.abstaining());
        List<String> misses = new ArrayList<>();
        difference("in favour", likely.inFavour(), vote.inFavour(), misses);
        difference("against", likely.against(), vote.against(), misses);
        difference("abstaining", likely.abstaining(), vote.abstaining(), misses);
        return new ForecastComparison(Method.BY_COUNTS, total, placed, forecast.likelyOutcome(), outcome,
                List.copyOf(misses));
    }

    private static ForecastComparison perMember(Forecast forecast, List<String> electorate,
                                                Map<String, Position> positions, Vote vote, Outcome outcome) {
        int matched = 0;
        List<String> misses = new ArrayList<>();
        for (String member : electorate) {
            Position position = positions.getOrDefault(member, Position.UNDECIDED);
            Optional<MemberVote> expected = position.likelyVote();
            Optional<MemberVote> cast = Optional.ofNullable(vote.votes().get(member));
            if (expected.equals(cast)) {
                matched++;
            } else {
                misses.add(member + ": expected " + position + ", " + cast.map(v -> "voted " + v).orElse("did not vote"));
            }
        }
        return new ForecastComparison(Method.PER_MEMBER, electorate.size(), matched, forecast.likelyOutcome(), outcome,
                List.copyOf(misses));
    }

    private static void difference(String count, int forecast, int recorded, List<String> misses) {
        if (forecast != recorded) {
            misses.add(count + ": forecast " + forecast + ", recorded " + recorded);
        }
    }
}
