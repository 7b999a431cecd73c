package org.advocacy.engine.reference;

import java.util.List;
import java.util.Map;

/**
 * The Security Council's composition in the years that an ADMIN loaded while the app runs, beyond
 * those shipped in {@code reference/security-council.csv}: kept where every instance of the app
 * reads it, so that a year loaded on one is known to all without a restart.
 */
public interface LoadedCouncilYears {

    /** A number that changes whenever a year is loaded, and that is cheap to read. */
    long version();

    /** Each loaded year's fifteen members, permanent members first, as they were checked when loaded. */
    Map<Integer, List<String>> years();
}
