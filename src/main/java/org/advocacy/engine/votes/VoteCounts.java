package org.advocacy.engine.votes;

/** A vote's counts as the vote-outcome decision takes them. */
public record VoteCounts(int inFavour, int against, int abstaining, int permanentMembersAgainst) {
}
