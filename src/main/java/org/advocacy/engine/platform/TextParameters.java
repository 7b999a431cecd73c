package org.advocacy.engine.platform;

/** Free-text values given in requests (filters), before they reach a query. */
public final class TextParameters {

    private TextParameters() {
    }

    /**
     * The value itself; a 400 when it holds a control character, which no name or key holds and
     * PostgreSQL's text cannot carry (a NUL fails the whole query).
     */
    public static String filter(String name, String value) {
        if (value != null && value.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadRequest(name + " must not contain control characters");
        }
        return value;
    }
}
