package org.advocacy.engine.votes;

/** The outcome of a vote step (SPEC §4). */
public enum Outcome {
    ADOPTED,
    REJECTED,
    /** A Security Council resolution that had the votes but that a permanent member voted against. */
    VETOED,
    /** The vote did not take place (for example, the Council meeting was never held). */
    NOT_HELD
}
