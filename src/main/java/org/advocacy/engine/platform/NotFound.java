package org.advocacy.engine.platform;

/** What was asked for does not exist: answered with 404. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
