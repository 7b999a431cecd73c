package org.advocacy.engine.votes;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The vote rules of SPEC §4. The constant names are the public rule names that templates and the
 * vote-outcome decision use.
 */
public enum VoteRule {
    /** Human Rights Council: adopted without a vote, or inFavour > against. */
    hrc(47, false, "the Human Rights Council"),
    /** General Assembly Third Committee: adopted without a vote, or inFavour > against. */
    thirdCommittee(193, false, "the General Assembly's Third Committee"),
    /** General Assembly plenary: adopted without a vote, or inFavour > against. */
    plenary(193, false, "the General Assembly"),
    /** Security Council procedural vote (agenda): inFavour >= 9; no veto applies. */
    councilAgenda(15, true, "the Security Council"),
    /** Security Council substantive vote: inFavour >= 9 and no permanent member against. */
    councilResolution(15, true, "the Security Council");

    public static final String DATE = "date";
    public static final String SYMBOL = "symbol";
    public static final String ADOPTED_WITHOUT_VOTE = "adoptedWithoutVote";
    public static final String IN_FAVOUR = "inFavour";
    public static final String AGAINST = "against";
    public static final String ABSTAINING = "abstaining";
    public static final String PERMANENT_MEMBERS_AGAINST = "permanentMembersAgainst";
    public static final String VOTES = "votes";

    /** Holds the key lists, which an enum constructor cannot take from the enum's own static fields. */
    private static final class Keys {
        static final List<String> COMMON =
                List.of(DATE, SYMBOL, ADOPTED_WITHOUT_VOTE, IN_FAVOUR, AGAINST, ABSTAINING);
        static final List<String> COUNCIL = List.of(PERMANENT_MEMBERS_AGAINST, VOTES);
    }

    private final int members;
    private final boolean council;
    private final String body;
    private final Set<String> acceptedKeys;

    VoteRule(int members, boolean council, String body) {
        this.members = members;
        this.council = council;
        this.body = body;
        Set<String> keys = new LinkedHashSet<>(Keys.COMMON);
        if (council) {
            keys.addAll(Keys.COUNCIL);
        }
        this.acceptedKeys = Collections.unmodifiableSet(keys);
    }

    /** The number of members of the body that votes under this rule. */
    public int members() {
        return members;
    }

    /** Whether this is a Security Council rule (which takes permanentMembersAgainst and votes). */
    public boolean council() {
        return council;
    }

    /** The voting body, for messages, such as "the Human Rights Council". */
    public String body() {
        return body;
    }

    /** The rule with exactly this name (case-sensitive), empty otherwise. */
    public static Optional<VoteRule> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (VoteRule rule : values()) {
            if (rule.name().equals(name)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** The JSON keys that a vote under this rule may contain, in a stable order. */
    public Set<String> acceptedKeys() {
        return acceptedKeys;
    }
}
