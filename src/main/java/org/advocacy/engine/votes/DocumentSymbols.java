package org.advocacy.engine.votes;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * UN document symbols (A/HRC/RES/25/25, S/PV.7353) written one way, so that the record can be
 * searched by them: no spaces around the slashes or at the ends, single spaces inside, and the
 * all-letter segments (the organ and document-type codes) in capitals. Other segments keep their
 * case, as in A/69/L.28/Rev.1.
 */
public final class DocumentSymbols {

    private DocumentSymbols() {
    }

    /** The normalised symbol, or null for none. */
    public static String normalise(Object symbol) {
        if (!(symbol instanceof String text) || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.strip().split("\\s*/\\s*"))
                .map(segment -> segment.replaceAll("\\s+", " "))
                .map(segment -> segment.matches("[A-Za-z]+") ? segment.toUpperCase(Locale.ROOT) : segment)
                .collect(Collectors.joining("/"));
    }
}
