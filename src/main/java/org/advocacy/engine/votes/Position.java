package org.advocacy.engine.votes;

/**
 * How a member is expected to vote, as a coordinator assessed it. ABSTAIN is a position of its own
 * because a permanent member that abstains casts no veto, where one at NO does.
 */
public enum Position {
    YES, LEANING_YES, UNDECIDED, ABSTAIN, LEANING_NO, NO, ABSENT
}
