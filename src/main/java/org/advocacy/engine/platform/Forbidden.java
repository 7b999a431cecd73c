package org.advocacy.engine.platform;

/** The actor's role does not allow this step: answered with 403. */
public class Forbidden extends RuntimeException {
    public Forbidden(String message) {
        super(message);
    }
}
