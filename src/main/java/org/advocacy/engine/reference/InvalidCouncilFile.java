package org.advocacy.engine.reference;

import java.util.List;

/** A Security Council file that may not be loaded: every problem found, each naming its line where it has one. */
public class InvalidCouncilFile extends RuntimeException {

    private final List<String> problems;

    public InvalidCouncilFile(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
