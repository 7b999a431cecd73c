package org.advocacy.engine.votes;

import static org.advocacy.engine.votes.VoteRule.ABSTAINING;
import static org.advocacy.engine.votes.VoteRule.ADOPTED_WITHOUT_VOTE;
import static org.advocacy.engine.votes.VoteRule.AGAINST;
import static org.advocacy.engine.votes.VoteRule.DATE;
import static org.advocacy.engine.votes.VoteRule.IN_FAVOUR;
import static org.advocacy.engine.votes.VoteRule.PERMANENT_MEMBERS_AGAINST;
import static org.advocacy.engine.votes.VoteRule.SYMBOL;
import static org.advocacy.engine.votes.VoteRule.VOTES;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a vote (SPEC §4) from raw JSON values, as Jackson gives them: String,
 * Boolean, Integer/Long/Double/BigInteger/BigDecimal, List, Map and null. A JSON null counts as
 * absent. Every problem is collected; when there is any, {@link InvalidVote} is thrown with all of
 * them.
 */
public final class VoteReader {

    /** The longest document symbol a vote takes; the UN's own run to about 30 characters. */
    public static final int LONGEST_SYMBOL = 100;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final List<String> COUNTS = List.of(IN_FAVOUR, AGAINST, ABSTAINING);
    private static final String PERMANENT_LIST =
            "China, France, Russian Federation, United Kingdom and United States";

    private VoteReader() {
    }

    /**
     * Reads and validates a vote.
     *
     * @param rule      the rule that the vote is taken under
     * @param raw       the vote's keys and raw JSON values (null is read as an empty vote)
     * @param notBefore when not null, the earliest date accepted (the campaign's report)
     * @return the vote
     * @throws InvalidVote with every problem found
     */
    public static Vote read(VoteRule rule, Map<String, Object> raw, LocalDate notBefore) {
        Objects.requireNonNull(rule, "rule");
        return new Reading(rule, raw == null ? Map.of() : raw, notBefore).read();
    }

    /** The state of one reading; collects the problems in the order of the fields. */
    private static final class Reading {
        private final VoteRule rule;
        private final Map<?, ?> raw;
        private final LocalDate notBefore;
        private final List<String> problems = new ArrayList<>();

        Reading(VoteRule rule, Map<?, ?> raw, LocalDate notBefore) {
            this.rule = rule;
            this.raw = raw;
            this.notBefore = notBefore;
        }

        Vote read() {
            checkKeys();
            LocalDate date = readDate();
            String symbol = readSymbol();

            Object awvValue = raw.get(ADOPTED_WITHOUT_VOTE);
            boolean awvReadable = awvValue == null || awvValue instanceof Boolean;
            if (!awvReadable) {
                problems.add(ADOPTED_WITHOUT_VOTE + " must be true or false, not " + describe(awvValue));
            }
            boolean withoutVote = Boolean.TRUE.equals(awvValue);

            Map<String, BigInteger> counts = withoutVote
                    ? checkNoCounts()
                    : readCounts(awvReadable, awvValue != null);
            boolean countsValid = counts.size() == COUNTS.size();
            if (countsValid) {
                checkMembership(counts);
            }

            List<String> permanentAgainst = List.of();
            Map<String, MemberVote> votes = Map.of();
            if (rule.council()) {
                Optional<List<String>> givenPermanent = readPermanentMembersAgainst(withoutVote, counts);
                Optional<Map<String, MemberVote>> givenVotes = readVotes(withoutVote, counts);
                votes = givenVotes.orElse(Map.of());
                if (givenPermanent.isPresent()) {
                    permanentAgainst = givenPermanent.get();
                    givenVotes.ifPresent(v -> compare(givenPermanent.get(), v));
                } else if (givenVotes.isPresent()) {
                    permanentAgainst = permanentNo(givenVotes.get());
                } else if (rule == VoteRule.councilResolution && raw.get(PERMANENT_MEMBERS_AGAINST) == null
                        && raw.get(VOTES) == null && countsValid && counts.get(AGAINST).signum() > 0) {
                    problems.add(PERMANENT_MEMBERS_AGAINST + " is required for a Security Council resolution"
                            + " with votes against (" + counts.get(AGAINST) + "), so that a veto cannot go"
                            + " unrecorded: list the permanent members that voted against, [] if none did,"
                            + " or give the per-member votes");
                }
            }

            if (!problems.isEmpty()) {
                throw new InvalidVote(problems);
            }
            return new Vote(rule, date, symbol, withoutVote,
                    withoutVote ? 0 : counts.get(IN_FAVOUR).intValueExact(),
                    withoutVote ? 0 : counts.get(AGAINST).intValueExact(),
                    withoutVote ? 0 : counts.get(ABSTAINING).intValueExact(),
                    permanentAgainst, votes);
        }

        private void checkKeys() {
            for (Object key : raw.keySet()) {
                String name = String.valueOf(key);
                if (rule.acceptedKeys().contains(name)) {
                    continue;
                }
                if (VoteRule.councilResolution.acceptedKeys().contains(name)) {
                    problems.add(name + " is only accepted for Security Council votes, not under the rule "
                            + rule.name());
                } else {
                    problems.add("unknown field \"" + abbreviate(name) + "\": a vote under the rule "
                            + rule.name() + " takes " + String.join(", ", rule.acceptedKeys()));
                }
            }
        }

        private LocalDate readDate() {
            Object value = raw.get(DATE);
            if (value == null) {
                problems.add(DATE + " is required (yyyy-MM-dd)");
                return null;
            }
            if (!(value instanceof String text)) {
                problems.add(DATE + " must be a date written yyyy-MM-dd, not " + describe(value));
                return null;
            }
            if (!ISO_DATE.matcher(text).matches()) {
                problems.add(DATE + " \"" + abbreviate(text) + "\" is not written yyyy-MM-dd");
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(DATE + " " + text + " is not a real date");
                return null;
            }
            if (notBefore != null && date.isBefore(notBefore)) {
                problems.add(DATE + " " + date + " is before the campaign's report of " + notBefore);
            }
            return date;
        }

        private String readSymbol() {
            Object value = raw.get(SYMBOL);
            if (value == null) {
                return null;
            }
            if (!(value instanceof String text)) {
                problems.add(SYMBOL + " must be a document symbol (a string), not " + describe(value));
                return null;
            }
            if (text.isBlank()) {
                problems.add(SYMBOL + " must not be blank when given");
                return null;
            }
            if (text.strip().length() > LONGEST_SYMBOL) {
                problems.add(SYMBOL + " must have at most " + LONGEST_SYMBOL + " characters");
                return null;
            }
            if (text.codePoints().anyMatch(Character::isISOControl)) {
                problems.add(SYMBOL + " must not contain control characters");
                return null;
            }
            return text;
        }

        /** Adopted without a vote: no count may be given. */
        private Map<String, BigInteger> checkNoCounts() {
            List<String> given = COUNTS.stream().filter(key -> raw.get(key) != null).toList();
            if (!given.isEmpty()) {
                problems.add("a vote is either adopted without a vote or counted, not both: "
                        + ADOPTED_WITHOUT_VOTE + " is true but " + joinAnd(given)
                        + (given.size() == 1 ? " is" : " are") + " given");
            }
            return Map.of();
        }

        /** Not adopted without a vote: the three counts, each a non-negative whole number. */
        private Map<String, BigInteger> readCounts(boolean awvReadable, boolean awvGiven) {
            List<String> given = COUNTS.stream().filter(key -> raw.get(key) != null).toList();
            if (given.isEmpty()) {
                if (!awvReadable) {
                    return Map.of();
                }
                problems.add(awvGiven
                        ? ADOPTED_WITHOUT_VOTE + " is false, so the counts " + joinAnd(COUNTS) + " are required"
                        : "give either " + ADOPTED_WITHOUT_VOTE + ": true or the counts " + joinAnd(COUNTS));
                return Map.of();
            }
            List<String> missing = COUNTS.stream().filter(key -> raw.get(key) == null).toList();
            if (!missing.isEmpty() && awvReadable) {
                problems.add(joinAnd(missing) + (missing.size() == 1 ? " is" : " are")
                        + " required: a counted vote gives all of " + joinAnd(COUNTS));
            }
            Map<String, BigInteger> counts = new LinkedHashMap<>();
            for (String key : given) {
                BigInteger count = readCount(key, raw.get(key));
                if (count != null) {
                    counts.put(key, count);
                }
            }
            return counts;
        }

        private BigInteger readCount(String key, Object value) {
            if (!(value instanceof Number number)) {
                problems.add(key + " must be a whole number, not " + describe(value));
                return null;
            }
            BigDecimal decimal = toDecimal(number);
            if (decimal == null) {
                problems.add(key + " must be a whole number, not " + number);
                return null;
            }
            BigInteger whole;
            try {
                whole = decimal.toBigIntegerExact();
            } catch (ArithmeticException e) {
                problems.add(key + " must be a whole number, not " + decimal.toPlainString());
                return null;
            }
            if (whole.signum() < 0) {
                problems.add(key + " must not be negative, but is " + whole);
                return null;
            }
            return whole;
        }

        private void checkMembership(Map<String, BigInteger> counts) {
            BigInteger sum = counts.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
            if (sum.compareTo(BigInteger.valueOf(rule.members())) > 0) {
                problems.add("counts add up to " + sum + " but " + rule.body() + " has " + rule.members()
                        + " members (" + counts.get(IN_FAVOUR) + " in favour, " + counts.get(AGAINST)
                        + " against, " + counts.get(ABSTAINING) + " abstaining)");
            }
        }

        /** Empty when absent (or unreadable); the names otherwise, when all are valid. */
        private Optional<List<String>> readPermanentMembersAgainst(boolean withoutVote,
                                                                   Map<String, BigInteger> counts) {
            Object value = raw.get(PERMANENT_MEMBERS_AGAINST);
            if (value == null) {
                return Optional.empty();
            }
            if (!(value instanceof List<?> list)) {
                problems.add(PERMANENT_MEMBERS_AGAINST + " must be a list of names, not " + describe(value));
                return Optional.empty();
            }
            if (withoutVote && !list.isEmpty()) {
                problems.add(ADOPTED_WITHOUT_VOTE + " is true, so " + PERMANENT_MEMBERS_AGAINST
                        + " must be empty or absent");
                return Optional.empty();
            }
            boolean valid = true;
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (!(item instanceof String name)) {
                    problems.add(PERMANENT_MEMBERS_AGAINST + " item " + (i + 1)
                            + " must be a name (a string), not " + describe(item));
                    valid = false;
                } else if (!PermanentMembers.isPermanent(name)) {
                    Optional<String> exact = PermanentMembers.lookalike(name);
                    problems.add(exact.isPresent()
                            ? PERMANENT_MEMBERS_AGAINST + " names \"" + abbreviate(name)
                                    + "\"; write that permanent member exactly as \"" + exact.get() + "\""
                            : PERMANENT_MEMBERS_AGAINST + " names \"" + abbreviate(name)
                                    + "\", which is not a permanent member of the Security Council"
                                    + " (the permanent members are " + PERMANENT_LIST + ")");
                    valid = false;
                } else if (!seen.add(name)) {
                    problems.add(PERMANENT_MEMBERS_AGAINST + " names " + name + " more than once");
                    valid = false;
                }
            }
            BigInteger against = counts.get(AGAINST);
            if (against != null && BigInteger.valueOf(list.size()).compareTo(against) > 0) {
                problems.add(PERMANENT_MEMBERS_AGAINST + " names " + list.size()
                        + (list.size() == 1 ? " member" : " members") + " but " + AGAINST + " is " + against);
                valid = false;
            }
            if (!valid) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>();
            list.forEach(item -> names.add((String) item));
            return Optional.of(names);
        }

        /** Empty when absent (or invalid); the per-member votes otherwise. */
        private Optional<Map<String, MemberVote>> readVotes(boolean withoutVote, Map<String, BigInteger> counts) {
            Object value = raw.get(VOTES);
            if (value == null) {
                return Optional.empty();
            }
            if (withoutVote) {
                problems.add(ADOPTED_WITHOUT_VOTE + " is true, so per-member " + VOTES + " must not be given");
                return Optional.empty();
            }
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(VOTES + " must be an object of member name to YES, NO or ABSTAIN, not "
                        + describe(value));
                return Optional.empty();
            }
            boolean namesValid = true;
            boolean valuesValid = true;
            if (map.size() > rule.members()) {
                problems.add(VOTES + " names " + map.size() + " members but " + rule.body() + " has "
                        + rule.members());
                namesValid = false;
            }
            Map<String, String> looseNames = new LinkedHashMap<>();
            Map<String, MemberVote> votes = new LinkedHashMap<>();
            Map<MemberVote, Integer> tally = new EnumMap<>(MemberVote.class);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String member = entry.getKey() instanceof String s ? s : null;
                if (member == null || member.isBlank()) {
                    problems.add(VOTES + " has a member with a blank name");
                    namesValid = false;
                } else {
                    Optional<String> exact = PermanentMembers.lookalike(member);
                    if (exact.isPresent()) {
                        problems.add(VOTES + " names \"" + abbreviate(member)
                                + "\"; write that permanent member exactly as \"" + exact.get() + "\"");
                        namesValid = false;
                    } else {
                        String loose = member.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
                        String earlier = looseNames.putIfAbsent(loose, member);
                        if (earlier != null) {
                            problems.add(VOTES + " names the same member twice: \"" + abbreviate(earlier)
                                    + "\" and \"" + abbreviate(member) + "\"");
                            namesValid = false;
                        }
                    }
                }
                Object given = entry.getValue();
                Optional<MemberVote> vote = given instanceof String text ? MemberVote.named(text) : Optional.empty();
                if (vote.isEmpty()) {
                    problems.add(VOTES + " gives " + describe(given) + " for "
                            + (member == null || member.isBlank() ? "a member with a blank name" : abbreviate(member))
                            + "; it must be YES, NO or ABSTAIN");
                    valuesValid = false;
                } else {
                    tally.merge(vote.get(), 1, Integer::sum);
                    if (member != null) {
                        votes.put(member, vote.get());
                    }
                }
            }
            if (valuesValid) {
                compareTally(tally, MemberVote.YES, IN_FAVOUR, counts);
                compareTally(tally, MemberVote.NO, AGAINST, counts);
                compareTally(tally, MemberVote.ABSTAIN, ABSTAINING, counts);
            }
            return namesValid && valuesValid ? Optional.of(votes) : Optional.empty();
        }

        private void compareTally(Map<MemberVote, Integer> tally, MemberVote vote, String key,
                                  Map<String, BigInteger> counts) {
            BigInteger count = counts.get(key);
            int votes = tally.getOrDefault(vote, 0);
            if (count != null && !count.equals(BigInteger.valueOf(votes))) {
                problems.add(VOTES + " has " + votes + " " + vote + " but " + key + " is " + count);
            }
        }

        /** Both given: the permanent members voting NO must be exactly permanentMembersAgainst. */
        private void compare(List<String> permanentAgainst, Map<String, MemberVote> votes) {
            List<String> votingNo = permanentNo(votes);
            for (String member : votingNo) {
                if (!permanentAgainst.contains(member)) {
                    problems.add(VOTES + " has " + member + " voting NO but " + PERMANENT_MEMBERS_AGAINST
                            + " does not name " + member);
                }
            }
            for (String member : permanentAgainst) {
                if (!votingNo.contains(member)) {
                    MemberVote vote = votes.get(member);
                    problems.add(PERMANENT_MEMBERS_AGAINST + " names " + member + " but " + VOTES
                            + (vote == null ? " has no vote for " + member : " has " + member + " voting " + vote));
                }
            }
        }

        private static List<String> permanentNo(Map<String, MemberVote> votes) {
            List<String> names = new ArrayList<>();
            votes.forEach((member, vote) -> {
                if (vote == MemberVote.NO && PermanentMembers.isPermanent(member)) {
                    names.add(member);
                }
            });
            return List.copyOf(names);
        }
    }

    /** The exact decimal value of a JSON number; null when it has none (NaN, infinite, unreadable). */
    private static BigDecimal toDecimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A short description of a raw JSON value for messages, such as {@code a string ("30")}. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "a string (\"" + abbreviate(text) + "\")";
        }
        if (value instanceof Boolean) {
            return "a boolean (" + value + ")";
        }
        if (value instanceof Number) {
            return "a number (" + abbreviate(value.toString()) + ")";
        }
        if (value instanceof List<?> || value instanceof Collection<?> || value.getClass().isArray()) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return "a value of type " + value.getClass().getSimpleName();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** Items for a message: "a", "a and b", "a, b and c". */
    public static String joinAnd(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
