package org.advocacy.engine.votes;

/**
 * The body's rule that decides a counted vote: the vote-outcome decision (processes/vote-outcome.dmn),
 * which the workflow also calls after every vote, so that a forecast and the recorded outcome follow
 * one piece of logic.
 */
@FunctionalInterface
public interface OutcomeRule {
    Outcome decide(VoteRule rule, VoteCounts counts);
}
