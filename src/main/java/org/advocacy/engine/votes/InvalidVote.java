package org.advocacy.engine.votes;

import java.util.List;

/** A vote that was refused; {@link #problems()} holds every problem found, each a full sentence. */
public final class InvalidVote extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidVote(List<String> problems) {
        super(String.join("; ", List.copyOf(problems)));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid vote has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order of the fields. */
    public List<String> problems() {
        return problems;
    }
}
