package org.advocacy.engine.platform;

/** A well-formed request that cannot be carried out as sent, such as a reused Idempotency-Key: answered with 422. */
public class Unprocessable extends RuntimeException {
    public Unprocessable(String message) {
        super(message);
    }
}
