package org.advocacy.engine.votes;

import java.util.Optional;

/**
 * How a member is expected to vote, as a coordinator assessed it. ABSTAIN is a position of its own
 * because a permanent member that abstains casts no veto, where one at NO does.
 */
public enum Position {
    YES, LEANING_YES, UNDECIDED, ABSTAIN, LEANING_NO, NO, ABSENT;

    /**
     * The vote this position forecasts on the likely count: a leaning counts with its side, an
     * undecided member as not voting either way (an abstention), an absent member not at all
     * (empty). The forecast's counts and its comparison with the recorded votes both read this.
     */
    public Optional<MemberVote> likelyVote() {
        return switch (this) {
            case YES, LEANING_YES -> Optional.of(MemberVote.YES);
            case NO, LEANING_NO -> Optional.of(MemberVote.NO);
            case ABSTAIN, UNDECIDED -> Optional.of(MemberVote.ABSTAIN);
            case ABSENT -> Optional.empty();
        };
    }

    /** Whether the position is firm (YES, NO, ABSTAIN) rather than a leaning, a doubt or an absence. */
    public boolean firm() {
        return this == YES || this == NO || this == ABSTAIN;
    }

    /** The position with exactly this name, empty otherwise. */
    public static Optional<Position> named(String name) {
        for (Position position : values()) {
            if (position.name().equals(name)) {
                return Optional.of(position);
            }
        }
        return Optional.empty();
    }
}
