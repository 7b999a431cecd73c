package org.advocacy.engine.votes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a vote will give, from the members' assessed positions, under the body's own rule: the firm
 * counts (YES, NO, ABSTAIN only) and the likely ones (leanings counted with their side; undecided
 * members as not voting either way), the outcome each gives, the margin, and what would change the
 * likely outcome. Abstentions and absences never count towards a majority; a Council vote needs
 * nine in favour, and a substantive one no permanent member against.
 *
 * @param margin for the Council, in favour minus nine (0 or more passes the count); for a majority
 *               rule, in favour minus against (1 or more passes)
 */
public record Forecast(VoteRule rule, VoteCounts firm, Outcome firmOutcome, VoteCounts likely, Outcome likelyOutcome,
                       int margin, List<String> changes) {

    /** The nine votes that a Council decision needs. */
    public static final int COUNCIL_MAJORITY = 9;

    /**
     * @param electorate the members who vote, in the order to list them
     * @param positions  assessed positions; a member without one is UNDECIDED
     */
    public static Forecast of(VoteRule rule, List<String> electorate, Map<String, Position> positions,
                              OutcomeRule decision) {
        int firmYes = 0, firmNo = 0, firmAbstain = 0, likelyYes = 0, likelyNo = 0, likelyAbstain = 0;
        List<String> permanentFirmlyAgainst = new ArrayList<>();
        List<String> vetoRisks = new ArrayList<>();
        for (String member : electorate) {
            Position position = positions.getOrDefault(member, Position.UNDECIDED);
            MemberVote likely = position.likelyVote().orElse(null);
            if (likely == MemberVote.YES) {
                likelyYes++;
            } else if (likely == MemberVote.NO) {
                likelyNo++;
            } else if (likely == MemberVote.ABSTAIN) {
                likelyAbstain++;
            }
            if (position.firm()) {
                switch (likely) {
                    case YES -> firmYes++;
                    case NO -> firmNo++;
                    case ABSTAIN -> firmAbstain++;
                    default -> throw new IllegalStateException("no such vote " + likely);
                }
            }
            if (rule.council() && PermanentMembers.isPermanent(member)) {
                if (position == Position.NO) {
                    permanentFirmlyAgainst.add(member);
                }
                if (position == Position.NO || position == Position.LEANING_NO) {
                    vetoRisks.add(member + " at " + position);
                }
            }
        }
        VoteCounts firm = new VoteCounts(firmYes, firmNo, firmAbstain, permanentFirmlyAgainst.size());
        VoteCounts likely = new VoteCounts(likelyYes, likelyNo, likelyAbstain, vetoRisks.size());
        List<String> changes = new ArrayList<>();
        int margin;
        if (rule.council()) {
            margin = likelyYes - COUNCIL_MAJORITY;
            if (margin < 0) {
                changes.add(-margin + " more yes needed");
            }
            if (rule == VoteRule.councilResolution && !vetoRisks.isEmpty()) {
                changes.add("veto risk: " + String.join(", ", vetoRisks));
            }
        } else {
            margin = likelyYes - likelyNo;
            if (margin < 1) {
                int needed = 1 - margin;
                changes.add(needed + " more yes needed (or " + needed + " fewer no)"
                        + (margin == 0 ? ": a tie fails" : ""));
            }
        }
        return new Forecast(rule, firm, decision.decide(rule, firm), likely, decision.decide(rule, likely), margin,
                List.copyOf(changes));
    }

    /** Whether the likely count gives the vote (a convenience for pages and warnings). */
    public boolean likelyPasses() {
        return likelyOutcome == Outcome.ADOPTED;
    }

    /** Members of the electorate without an assessed position. */
    public static List<String> unassessed(List<String> electorate, Map<String, Position> positions) {
        Set<String> assessed = positions.keySet();
        return electorate.stream().filter(member -> !assessed.contains(member)).toList();
    }
}
