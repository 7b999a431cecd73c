package org.advocacy.engine.votes;

import java.util.Optional;

/** How one Security Council member voted, as written in a vote's {@code votes}. */
public enum MemberVote {
    YES,
    NO,
    ABSTAIN;

    /** The member vote with exactly this name ({@code YES}, {@code NO}, {@code ABSTAIN}), empty otherwise. */
    public static Optional<MemberVote> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (MemberVote vote : values()) {
            if (vote.name().equals(name)) {
                return Optional.of(vote);
            }
        }
        return Optional.empty();
    }
}
