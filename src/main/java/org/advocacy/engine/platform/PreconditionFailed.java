package org.advocacy.engine.platform;

/** The client's If-Match names a state of the campaign that is no longer its state: answered with 412. */
public class PreconditionFailed extends RuntimeException {
    public PreconditionFailed(String message) {
        super(message);
    }
}
