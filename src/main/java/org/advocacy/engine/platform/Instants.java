package org.advocacy.engine.platform;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads instants given in requests. */
public final class Instants {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Instants() {
    }

    /** The instant that {@code value} writes in ISO-8601, null when blank; a 400 when unreadable. */
    public static Instant parameter(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            instant = null;
        }
        // the database's timestamps end long before Instant's range does
        if (instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new BadRequest(name + " must be an ISO instant between the years 1 and 9999 such as "
                    + "2014-12-22T15:00:00Z, not " + (value.length() <= 40 ? value : value.substring(0, 37) + "..."));
        }
        return instant;
    }
}
