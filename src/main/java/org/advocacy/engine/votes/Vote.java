package org.advocacy.engine.votes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated vote (build it with {@link VoteReader#read}). When adopted without a vote the counts
 * are zero and the council lists are empty.
 *
 * @param permanentMembersAgainst never null; in the order given (unmodifiable)
 * @param votes                   never null; per-member votes in the order given (unmodifiable)
 */
public record Vote(VoteRule rule, LocalDate date, String symbol, boolean adoptedWithoutVote,
                   int inFavour, int against, int abstaining,
                   List<String> permanentMembersAgainst,
                   Map<String, MemberVote> votes) {

    public Vote {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(date, "date");
        permanentMembersAgainst = permanentMembersAgainst == null
                ? List.of() : List.copyOf(permanentMembersAgainst);
        votes = votes == null || votes.isEmpty()
                ? Collections.unmodifiableMap(new LinkedHashMap<>())
                : Collections.unmodifiableMap(new LinkedHashMap<>(votes));
    }

    /**
     * The values as they are recorded, JSON-friendly and insertion-ordered: {@code date} (ISO
     * string), {@code symbol} (only when given), {@code adoptedWithoutVote}, then, unless adopted
     * without a vote, {@code inFavour}, {@code against}, {@code abstaining} and for council rules
     * {@code permanentMembersAgainst} (a list of strings) and {@code votes} (member name to
     * "YES"/"NO"/"ABSTAIN", only when per-member votes were given). Reading these fields again
     * with {@link VoteReader#read} gives an equal vote.
     */
    public Map<String, Object> asFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(VoteRule.DATE, date.toString());
        if (symbol != null) {
            fields.put(VoteRule.SYMBOL, symbol);
        }
        fields.put(VoteRule.ADOPTED_WITHOUT_VOTE, adoptedWithoutVote);
        if (!adoptedWithoutVote) {
            fields.put(VoteRule.IN_FAVOUR, inFavour);
            fields.put(VoteRule.AGAINST, against);
            fields.put(VoteRule.ABSTAINING, abstaining);
            if (rule.council()) {
                fields.put(VoteRule.PERMANENT_MEMBERS_AGAINST, new ArrayList<>(permanentMembersAgainst));
                if (!votes.isEmpty()) {
                    Map<String, String> byMember = new LinkedHashMap<>();
                    votes.forEach((member, vote) -> byMember.put(member, vote.name()));
                    fields.put(VoteRule.VOTES, byMember);
                }
            }
        }
        return fields;
    }
}
