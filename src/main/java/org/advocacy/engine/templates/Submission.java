package org.advocacy.engine.templates;

import java.util.Map;

import org.advocacy.engine.votes.Vote;

/**
 * Validated fields, normalised for the record (dates as ISO text, names stripped).
 *
 * @param vote the vote the submission casts, or null
 */
public record Submission(Map<String, Object> fields, CastVote vote) {

    /** A vote and the outcome key (the vote field's id) that its result decides. */
    public record CastVote(String outcomeKey, Vote vote) {
    }
}
