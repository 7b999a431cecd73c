package org.advocacy.engine.platform;

/** A request that cannot be served as asked: answered with 400. */
public class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message);
    }
}
