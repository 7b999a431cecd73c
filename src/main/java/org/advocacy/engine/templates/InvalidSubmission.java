package org.advocacy.engine.templates;

import java.util.List;

/** Input that a template's declaration refuses; every problem found is listed. */
public class InvalidSubmission extends RuntimeException {

    private final List<String> problems;

    public InvalidSubmission(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
