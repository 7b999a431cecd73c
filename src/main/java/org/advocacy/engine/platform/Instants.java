package org.advocacy.engine.platform;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads instants given in requests. */
public final class Instants {

    private Instants() {
    }

    /** The instant that {@code value} writes in ISO-8601, null when blank; a 400 when unreadable. */
    public static Instant parameter(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            throw new BadRequest(name + " must be an ISO instant such as 2014-12-22T15:00:00Z, not " + value);
        }
    }
}
