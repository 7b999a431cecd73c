package org.advocacy.engine.votes;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The five permanent members of the Security Council, by the exact names that votes must use. */
public final class PermanentMembers {

    /** The exact names (case-sensitive). */
    public static final Set<String> NAMES =
            Set.of("China", "France", "Russian Federation", "United Kingdom", "United States");

    /** The same names in alphabetical order, for messages. */
    public static final List<String> IN_ORDER =
            List.of("China", "France", "Russian Federation", "United Kingdom", "United States");

    /** Other ways of writing a permanent member, lower-cased, mapped to the exact name. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("prc", "China"),
            Map.entry("people's republic of china", "China"),
            Map.entry("peoples republic of china", "China"),
            Map.entry("french republic", "France"),
            Map.entry("russia", "Russian Federation"),
            Map.entry("uk", "United Kingdom"),
            Map.entry("u.k.", "United Kingdom"),
            Map.entry("great britain", "United Kingdom"),
            Map.entry("britain", "United Kingdom"),
            Map.entry("united kingdom of great britain and northern ireland", "United Kingdom"),
            Map.entry("us", "United States"),
            Map.entry("u.s.", "United States"),
            Map.entry("usa", "United States"),
            Map.entry("u.s.a.", "United States"),
            Map.entry("united states of america", "United States"));

    private PermanentMembers() {
    }

    /** Whether {@code name} is exactly the name of a permanent member. */
    public static boolean isPermanent(String name) {
        return name != null && NAMES.contains(name);
    }

    /**
     * The exact name of the permanent member that {@code name} looks like when it is not written
     * exactly (other case, surrounding spaces, a common short or long form such as "Russia" or
     * "USA"); empty when {@code name} is exact or names no permanent member.
     */
    public static Optional<String> lookalike(String name) {
        if (name == null || NAMES.contains(name)) {
            return Optional.empty();
        }
        String loose = name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (String exact : IN_ORDER) {
            if (exact.toLowerCase(Locale.ROOT).equals(loose)) {
                return Optional.of(exact);
            }
        }
        String stripped = loose.startsWith("the ") ? loose.substring(4) : loose;
        for (String exact : IN_ORDER) {
            if (exact.toLowerCase(Locale.ROOT).equals(stripped)) {
                return Optional.of(exact);
            }
        }
        return Optional.ofNullable(ALIASES.get(stripped));
    }
}
