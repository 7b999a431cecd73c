package org.advocacy.engine.votes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class VoteReaderTest {

    private static final LocalDate REPORT = LocalDate.of(2014, 2, 17);

    // ---------------------------------------------------------------- helpers

    /** An insertion-ordered map that, unlike Map.of, keeps nulls and order. */
    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> counted(Object date, Object inFavour, Object against, Object abstaining) {
        return fields("date", date, "inFavour", inFavour, "against", against, "abstaining", abstaining);
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        map.putAll(fields(keysAndValues));
        return map;
    }

    private static Map<String, Object> without(Map<String, Object> base, String key) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        map.remove(key);
        return map;
    }

    /** The per-member votes of the procedural vote of 22 December 2014 (S/PV.7353). */
    private static Map<String, Object> votesOf2014() {
        Map<String, Object> votes = new LinkedHashMap<>();
        for (String yes : List.of("Argentina", "Australia", "Chile", "France", "Jordan", "Lithuania",
                "Luxembourg", "Republic of Korea", "Rwanda", "United Kingdom", "United States")) {
            votes.put(yes, "YES");
        }
        votes.put("China", "NO");
        votes.put("Russian Federation", "NO");
        votes.put("Chad", "ABSTAIN");
        votes.put("Nigeria", "ABSTAIN");
        return votes;
    }

    private static Map<String, Object> proceduralVoteOf2014() {
        return with(counted("2014-12-22", 11, 2, 2), "symbol", "S/PV.7353",
                "permanentMembersAgainst", List.of("China", "Russian Federation"),
                "votes", votesOf2014());
    }

    /** Adds an empty permanentMembersAgainst for council rules (a council resolution needs it). */
    private static Map<String, Object> noneAgainstIfCouncil(VoteRule rule, Map<String, Object> raw) {
        return rule.council() ? with(raw, "permanentMembersAgainst", List.of()) : raw;
    }

    private static List<String> problemsOf(VoteRule rule, Map<String, Object> raw) {
        return problemsOf(rule, raw, null);
    }

    private static List<String> problemsOf(VoteRule rule, Map<String, Object> raw, LocalDate notBefore) {
        InvalidVote refused = catchThrowableOfType(() -> VoteReader.read(rule, raw, notBefore), InvalidVote.class);
        assertThat(refused).as("the vote should have been refused").isNotNull();
        assertThat(refused.problems()).isNotEmpty();
        assertThat(refused.getMessage()).isEqualTo(String.join("; ", refused.problems()));
        return refused.problems();
    }

    // ---------------------------------------------------------------- the rules

    @Test
    void a_symbol_longer_than_any_document_symbol_or_with_a_control_character_is_refused() {
        Map<String, Object> adopted = counted("2014-03-28", 30, 6, 11);

        assertThat(problemsOf(VoteRule.hrc, with(adopted, "symbol", "A/" + "1".repeat(99))))
                .containsExactly("symbol must have at most 100 characters");
        assertThat(problemsOf(VoteRule.hrc, with(adopted, "symbol", "A/HRC/RES/25/25\u001b[2J")))
                .containsExactly("symbol must not contain control characters");
        assertThat(VoteReader.read(VoteRule.hrc, with(adopted, "symbol", "A/" + "1".repeat(98)), REPORT).symbol())
                .hasSize(100);
    }

    @Test
    void each_rule_knows_the_membership_of_its_body() {
        assertThat(VoteRule.hrc.members()).isEqualTo(47);
        assertThat(VoteRule.thirdCommittee.members()).isEqualTo(193);
        assertThat(VoteRule.plenary.members()).isEqualTo(193);
        assertThat(VoteRule.councilAgenda.members()).isEqualTo(15);
        assertThat(VoteRule.councilResolution.members()).isEqualTo(15);
    }

    @Test
    void only_the_two_security_council_rules_are_council_rules() {
        assertThat(VoteRule.values()).filteredOn(VoteRule::council)
                .containsExactly(VoteRule.councilAgenda, VoteRule.councilResolution);
    }

    @Test
    void a_rule_is_found_by_its_exact_name_only() {
        assertThat(VoteRule.named("hrc")).contains(VoteRule.hrc);
        assertThat(VoteRule.named("thirdCommittee")).contains(VoteRule.thirdCommittee);
        assertThat(VoteRule.named("plenary")).contains(VoteRule.plenary);
        assertThat(VoteRule.named("councilAgenda")).contains(VoteRule.councilAgenda);
        assertThat(VoteRule.named("councilResolution")).contains(VoteRule.councilResolution);
        assertThat(VoteRule.named("HRC")).isEmpty();
        assertThat(VoteRule.named("councilresolution")).isEmpty();
        assertThat(VoteRule.named(" hrc")).isEmpty();
        assertThat(VoteRule.named("")).isEmpty();
        assertThat(VoteRule.named(null)).isEmpty();
    }

    @Test
    void non_council_rules_accept_only_the_common_keys() {
        for (VoteRule rule : List.of(VoteRule.hrc, VoteRule.thirdCommittee, VoteRule.plenary)) {
            assertThat(rule.acceptedKeys()).containsExactly(
                    "date", "symbol", "adoptedWithoutVote", "inFavour", "against", "abstaining");
        }
    }

    @Test
    void council_rules_also_accept_permanentMembersAgainst_and_votes() {
        for (VoteRule rule : List.of(VoteRule.councilAgenda, VoteRule.councilResolution)) {
            assertThat(rule.acceptedKeys()).containsExactly("date", "symbol", "adoptedWithoutVote",
                    "inFavour", "against", "abstaining", "permanentMembersAgainst", "votes");
        }
    }

    @Test
    void the_permanent_members_are_the_five_exact_names() {
        assertThat(PermanentMembers.NAMES).containsExactlyInAnyOrder(
                "China", "France", "Russian Federation", "United Kingdom", "United States");
        assertThat(PermanentMembers.isPermanent("China")).isTrue();
        assertThat(PermanentMembers.isPermanent("china")).isFalse();
        assertThat(PermanentMembers.isPermanent("Chad")).isFalse();
        assertThat(PermanentMembers.isPermanent(null)).isFalse();
        assertThat(PermanentMembers.lookalike("Russia")).contains("Russian Federation");
        assertThat(PermanentMembers.lookalike(" the united  kingdom ")).contains("United Kingdom");
        assertThat(PermanentMembers.lookalike("USA")).contains("United States");
        assertThat(PermanentMembers.lookalike("China")).isEmpty();
        assertThat(PermanentMembers.lookalike("Chad")).isEmpty();
    }

    // ---------------------------------------------------------------- the real votes of 2014

    @Test
    void the_hrc_vote_of_28_march_2014_thirty_six_eleven_reads_fine() {
        Vote vote = VoteReader.read(VoteRule.hrc,
                with(counted("2014-03-28", 30, 6, 11), "symbol", "A/HRC/RES/25/25"), REPORT);

        assertThat(vote.rule()).isEqualTo(VoteRule.hrc);
        assertThat(vote.date()).isEqualTo(LocalDate.of(2014, 3, 28));
        assertThat(vote.symbol()).isEqualTo("A/HRC/RES/25/25");
        assertThat(vote.adoptedWithoutVote()).isFalse();
        assertThat(vote.inFavour()).isEqualTo(30);
        assertThat(vote.against()).isEqualTo(6);
        assertThat(vote.abstaining()).isEqualTo(11);
        assertThat(vote.permanentMembersAgainst()).isEmpty();
        assertThat(vote.votes()).isEmpty();
    }

    @Test
    void the_third_committee_vote_of_2014_one_hundred_eleven_nineteen_fifty_five_reads_fine() {
        Vote vote = VoteReader.read(VoteRule.thirdCommittee, counted("2014-11-18", 111, 19, 55), REPORT);

        assertThat(vote.inFavour()).isEqualTo(111);
        assertThat(vote.against()).isEqualTo(19);
        assertThat(vote.abstaining()).isEqualTo(55);
        assertThat(vote.symbol()).isNull();
    }

    @Test
    void the_plenary_vote_of_2014_one_hundred_sixteen_twenty_fifty_three_reads_fine() {
        Vote vote = VoteReader.read(VoteRule.plenary,
                with(counted("2014-12-18", 116, 20, 53), "symbol", "A/RES/69/188"), REPORT);

        assertThat(vote.inFavour()).isEqualTo(116);
        assertThat(vote.against()).isEqualTo(20);
        assertThat(vote.abstaining()).isEqualTo(53);
    }

    @Test
    void the_council_procedural_vote_of_22_december_2014_reads_fine_with_its_per_member_votes() {
        Vote vote = VoteReader.read(VoteRule.councilAgenda, proceduralVoteOf2014(), REPORT);

        assertThat(vote.inFavour()).isEqualTo(11);
        assertThat(vote.against()).isEqualTo(2);
        assertThat(vote.abstaining()).isEqualTo(2);
        assertThat(vote.symbol()).isEqualTo("S/PV.7353");
        assertThat(vote.permanentMembersAgainst()).containsExactly("China", "Russian Federation");
        assertThat(vote.votes()).hasSize(15);
        assertThat(vote.votes().keySet()).containsExactly("Argentina", "Australia", "Chile", "France",
                "Jordan", "Lithuania", "Luxembourg", "Republic of Korea", "Rwanda", "United Kingdom",
                "United States", "China", "Russian Federation", "Chad", "Nigeria");
        assertThat(vote.votes()).containsEntry("France", MemberVote.YES)
                .containsEntry("China", MemberVote.NO)
                .containsEntry("Chad", MemberVote.ABSTAIN);
    }

    @Test
    void the_council_procedural_vote_reads_fine_without_per_member_votes() {
        Vote vote = VoteReader.read(VoteRule.councilAgenda, without(proceduralVoteOf2014(), "votes"), REPORT);

        assertThat(vote.permanentMembersAgainst()).containsExactly("China", "Russian Federation");
        assertThat(vote.votes()).isEmpty();
    }

    @Test
    void permanentMembersAgainst_keeps_the_order_given() {
        Vote vote = VoteReader.read(VoteRule.councilAgenda, with(counted("2014-12-22", 11, 2, 2),
                "permanentMembersAgainst", List.of("Russian Federation", "China")), REPORT);

        assertThat(vote.permanentMembersAgainst()).containsExactly("Russian Federation", "China");
    }

    @Test
    void per_member_votes_without_permanentMembersAgainst_give_the_permanent_members_that_voted_no() {
        Vote vote = VoteReader.read(VoteRule.councilAgenda,
                without(proceduralVoteOf2014(), "permanentMembersAgainst"), REPORT);

        assertThat(vote.permanentMembersAgainst()).containsExactly("China", "Russian Federation");
    }

    @Test
    void a_council_resolution_with_per_member_votes_and_no_permanentMembersAgainst_derives_the_veto() {
        Vote vote = VoteReader.read(VoteRule.councilResolution,
                without(proceduralVoteOf2014(), "permanentMembersAgainst"), null);

        assertThat(vote.permanentMembersAgainst()).containsExactly("China", "Russian Federation");
    }

    @Test
    void a_council_agenda_vote_without_permanentMembersAgainst_or_votes_has_none_against() {
        Vote vote = VoteReader.read(VoteRule.councilAgenda, counted("2014-12-22", 11, 2, 2), REPORT);

        assertThat(vote.permanentMembersAgainst()).isEmpty();
        assertThat(vote.votes()).isEmpty();
    }

    @Test
    void a_vote_adopted_without_a_vote_reads_with_zero_counts_and_empty_lists() {
        Vote vote = VoteReader.read(VoteRule.hrc,
                fields("date", "2015-03-27", "symbol", "A/HRC/RES/28/22", "adoptedWithoutVote", true), REPORT);

        assertThat(vote.adoptedWithoutVote()).isTrue();
        assertThat(vote.inFavour()).isZero();
        assertThat(vote.against()).isZero();
        assertThat(vote.abstaining()).isZero();
        assertThat(vote.permanentMembersAgainst()).isEmpty();
        assertThat(vote.votes()).isEmpty();
    }

    @Test
    void adoptedWithoutVote_false_with_the_counts_is_a_counted_vote() {
        Vote vote = VoteReader.read(VoteRule.hrc,
                with(counted("2014-03-28", 30, 6, 11), "adoptedWithoutVote", false), REPORT);

        assertThat(vote.adoptedWithoutVote()).isFalse();
        assertThat(vote.inFavour()).isEqualTo(30);
    }

    @Test
    void a_json_null_is_read_as_an_absent_field() {
        Vote vote = VoteReader.read(VoteRule.councilAgenda, with(counted("2014-12-22", 11, 2, 2),
                "symbol", null, "adoptedWithoutVote", null, "permanentMembersAgainst", null, "votes", null), REPORT);

        assertThat(vote.symbol()).isNull();
        assertThat(vote.adoptedWithoutVote()).isFalse();
        assertThat(vote.permanentMembersAgainst()).isEmpty();
    }

    // ---------------------------------------------------------------- date and symbol

    @Test
    void a_vote_without_a_date_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, counted(null, 30, 6, 11)))
                .containsExactly("date is required (yyyy-MM-dd)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"28/03/2014", "2014-3-28", "2014-03-28T10:00", "+2014-03-28", "", "March 28, 2014"})
    void a_date_not_written_yyyy_MM_dd_is_refused(String date) {
        assertThat(problemsOf(VoteRule.hrc, counted(date, 30, 6, 11)))
                .singleElement().asString().startsWith("date ").contains("yyyy-MM-dd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2014-02-30", "2014-13-01", "2014-02-29", "2014-04-31", "2014-00-10"})
    void a_date_that_does_not_exist_is_refused(String date) {
        assertThat(problemsOf(VoteRule.hrc, counted(date, 30, 6, 11)))
                .containsExactly("date " + date + " is not a real date");
    }

    @Test
    void a_leap_day_that_exists_is_accepted() {
        assertThat(VoteReader.read(VoteRule.hrc, counted("2016-02-29", 30, 6, 11), REPORT).date())
                .isEqualTo(LocalDate.of(2016, 2, 29));
    }

    @Test
    void a_date_that_is_not_a_string_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, counted(20140328, 30, 6, 11)))
                .containsExactly("date must be a date written yyyy-MM-dd, not a number (20140328)");
        assertThat(problemsOf(VoteRule.hrc, counted(List.of(2014, 3, 28), 30, 6, 11)))
                .containsExactly("date must be a date written yyyy-MM-dd, not a list");
    }

    @Test
    void a_date_before_the_campaigns_report_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, counted("2014-01-01", 30, 6, 11), REPORT))
                .containsExactly("date 2014-01-01 is before the campaign's report of 2014-02-17");
        assertThat(problemsOf(VoteRule.hrc, counted("2014-02-16", 30, 6, 11), REPORT))
                .containsExactly("date 2014-02-16 is before the campaign's report of 2014-02-17");
    }

    @Test
    void a_date_on_the_day_of_the_campaigns_report_is_accepted() {
        assertThat(VoteReader.read(VoteRule.hrc, counted("2014-02-17", 30, 6, 11), REPORT).date())
                .isEqualTo(REPORT);
    }

    @Test
    void any_real_date_is_accepted_when_there_is_no_report_date() {
        assertThat(VoteReader.read(VoteRule.hrc, counted("1990-01-01", 30, 6, 11), null).date())
                .isEqualTo(LocalDate.of(1990, 1, 1));
    }

    @Test
    void a_blank_symbol_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, with(counted("2014-03-28", 30, 6, 11), "symbol", "  ")))
                .containsExactly("symbol must not be blank when given");
    }

    @Test
    void a_symbol_that_is_not_a_string_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, with(counted("2014-03-28", 30, 6, 11), "symbol", 25)))
                .containsExactly("symbol must be a document symbol (a string), not a number (25)");
    }

    // ---------------------------------------------------------------- adopted without a vote, or counted

    @Test
    void adoptedWithoutVote_true_together_with_counts_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, with(counted("2014-03-28", 30, 6, 11), "adoptedWithoutVote", true)))
                .containsExactly("a vote is either adopted without a vote or counted, not both: "
                        + "adoptedWithoutVote is true but inFavour, against and abstaining are given");
        assertThat(problemsOf(VoteRule.plenary,
                fields("date", "2014-12-18", "adoptedWithoutVote", true, "against", 0)))
                .containsExactly("a vote is either adopted without a vote or counted, not both: "
                        + "adoptedWithoutVote is true but against is given");
    }

    @Test
    void a_vote_with_neither_adoptedWithoutVote_nor_counts_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, fields("date", "2014-03-28")))
                .containsExactly("give either adoptedWithoutVote: true or the counts inFavour, against and abstaining");
    }

    @Test
    void adoptedWithoutVote_false_without_counts_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, fields("date", "2014-03-28", "adoptedWithoutVote", false)))
                .containsExactly("adoptedWithoutVote is false, so the counts inFavour, against and abstaining are required");
    }

    @Test
    void a_counted_vote_missing_a_count_is_refused_naming_it() {
        assertThat(problemsOf(VoteRule.hrc, without(counted("2014-03-28", 30, 6, 11), "abstaining")))
                .containsExactly("abstaining is required: a counted vote gives all of inFavour, against and abstaining");
        assertThat(problemsOf(VoteRule.hrc, fields("date", "2014-03-28", "inFavour", 30)))
                .containsExactly("against and abstaining are required: "
                        + "a counted vote gives all of inFavour, against and abstaining");
    }

    @Test
    void adoptedWithoutVote_that_is_not_a_boolean_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, fields("date", "2014-03-28", "adoptedWithoutVote", "true")))
                .containsExactly("adoptedWithoutVote must be true or false, not a string (\"true\")");
        assertThat(problemsOf(VoteRule.hrc, with(counted("2014-03-28", 30, 6, 11), "adoptedWithoutVote", 0)))
                .containsExactly("adoptedWithoutVote must be true or false, not a number (0)");
    }

    @Test
    void adopted_without_a_vote_refuses_permanent_members_against() {
        assertThat(problemsOf(VoteRule.councilResolution, fields("date", "2014-12-22",
                "adoptedWithoutVote", true, "permanentMembersAgainst", List.of("China"))))
                .containsExactly("adoptedWithoutVote is true, so permanentMembersAgainst must be empty or absent");
    }

    @Test
    void adopted_without_a_vote_accepts_an_empty_permanentMembersAgainst() {
        Vote vote = VoteReader.read(VoteRule.councilResolution, fields("date", "2014-12-22",
                "adoptedWithoutVote", true, "permanentMembersAgainst", List.of()), REPORT);

        assertThat(vote.adoptedWithoutVote()).isTrue();
        assertThat(vote.permanentMembersAgainst()).isEmpty();
    }

    @Test
    void adopted_without_a_vote_refuses_per_member_votes() {
        assertThat(problemsOf(VoteRule.councilAgenda, fields("date", "2014-12-22",
                "adoptedWithoutVote", true, "votes", Map.of("Chad", "YES"))))
                .containsExactly("adoptedWithoutVote is true, so per-member votes must not be given");
    }

    // ---------------------------------------------------------------- counts

    @ParameterizedTest
    @EnumSource(VoteRule.class)
    void counts_adding_up_to_exactly_the_membership_are_accepted(VoteRule rule) {
        int members = rule.members();
        Vote vote = VoteReader.read(rule, noneAgainstIfCouncil(rule, counted("2014-12-22", members - 3, 1, 2)), REPORT);

        assertThat(vote.inFavour() + vote.against() + vote.abstaining()).isEqualTo(members);
    }

    @ParameterizedTest
    @EnumSource(VoteRule.class)
    void counts_adding_up_to_one_more_than_the_membership_are_refused(VoteRule rule) {
        int members = rule.members();
        assertThat(problemsOf(rule, noneAgainstIfCouncil(rule, counted("2014-12-22", members - 2, 1, 2))))
                .singleElement().asString()
                .startsWith("counts add up to " + (members + 1) + " but ")
                .contains(" has " + members + " members");
    }

    @Test
    void counts_over_the_human_rights_councils_membership_say_so() {
        assertThat(problemsOf(VoteRule.hrc, counted("2014-03-28", 31, 6, 11)))
                .containsExactly("counts add up to 48 but the Human Rights Council has 47 members "
                        + "(31 in favour, 6 against, 11 abstaining)");
    }

    @Test
    void counts_over_the_security_councils_membership_say_so() {
        assertThat(problemsOf(VoteRule.councilAgenda, counted("2014-12-22", 12, 2, 2)))
                .containsExactly("counts add up to 16 but the Security Council has 15 members "
                        + "(12 in favour, 2 against, 2 abstaining)");
    }

    @Test
    void a_single_count_over_the_membership_is_refused() {
        assertThat(problemsOf(VoteRule.plenary, counted("2014-12-18", 194, 0, 0)))
                .containsExactly("counts add up to 194 but the General Assembly has 193 members "
                        + "(194 in favour, 0 against, 0 abstaining)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"inFavour", "against", "abstaining"})
    void a_negative_count_is_refused(String key) {
        assertThat(problemsOf(VoteRule.hrc, with(counted("2014-03-28", 30, 6, 11), key, -1)))
                .containsExactly(key + " must not be negative, but is -1");
    }

    @Test
    void all_counts_zero_are_accepted() {
        Vote vote = VoteReader.read(VoteRule.hrc, counted("2014-03-28", 0, 0, 0), REPORT);

        assertThat(List.of(vote.inFavour(), vote.against(), vote.abstaining())).containsOnly(0);
    }

    @Test
    void a_count_written_as_a_string_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, counted("2014-03-28", "30", 6, 11)))
                .containsExactly("inFavour must be a whole number, not a string (\"30\")");
    }

    @Test
    void a_count_written_as_a_boolean_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, counted("2014-03-28", 30, true, 11)))
                .containsExactly("against must be a whole number, not a boolean (true)");
    }

    @Test
    void a_count_with_a_fraction_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, counted("2014-03-28", 30.5, 6, 11)))
                .containsExactly("inFavour must be a whole number, not 30.5");
        assertThat(problemsOf(VoteRule.hrc, counted("2014-03-28", 30, 6, new BigDecimal("11.01"))))
                .containsExactly("abstaining must be a whole number, not 11.01");
    }

    @Test
    void a_count_that_is_a_list_or_an_object_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, counted("2014-03-28", List.of(30), Map.of("n", 6), 11)))
                .containsExactly("inFavour must be a whole number, not a list",
                        "against must be a whole number, not an object");
    }

    @Test
    void a_count_that_is_not_a_finite_number_is_refused() {
        assertThat(problemsOf(VoteRule.hrc, counted("2014-03-28", Double.NaN, 6, Double.POSITIVE_INFINITY)))
                .containsExactly("inFavour must be a whole number, not NaN",
                        "abstaining must be a whole number, not Infinity");
    }

    @Test
    void whole_numbers_of_every_json_number_type_are_accepted() {
        Vote vote = VoteReader.read(VoteRule.hrc,
                counted("2014-03-28", 30.0, BigInteger.valueOf(6), new BigDecimal("11.00")), REPORT);
        assertThat(List.of(vote.inFavour(), vote.against(), vote.abstaining())).containsExactly(30, 6, 11);

        Vote longs = VoteReader.read(VoteRule.hrc, counted("2014-03-28", 30L, 6L, 11L), REPORT);
        assertThat(List.of(longs.inFavour(), longs.against(), longs.abstaining())).containsExactly(30, 6, 11);
    }

    @Test
    void an_enormous_count_is_refused_without_overflowing() {
        assertThat(problemsOf(VoteRule.hrc,
                counted("2014-03-28", new BigInteger("100000000000000000000"), Long.MAX_VALUE, 11)))
                .singleElement().asString().startsWith("counts add up to 109223372036854775818 but the Human Rights Council has 47 members");
    }

    // ---------------------------------------------------------------- permanent members against

    @Test
    void a_non_permanent_member_in_permanentMembersAgainst_is_refused() {
        assertThat(problemsOf(VoteRule.councilAgenda, with(counted("2014-12-22", 11, 2, 2),
                "permanentMembersAgainst", List.of("China", "Chad"))))
                .containsExactly("permanentMembersAgainst names \"Chad\", which is not a permanent member of "
                        + "the Security Council (the permanent members are China, France, Russian Federation, "
                        + "United Kingdom and United States)");
    }

    @Test
    void a_permanent_member_not_written_exactly_is_refused_with_its_exact_name() {
        assertThat(problemsOf(VoteRule.councilResolution, with(counted("2014-12-22", 11, 2, 2),
                "permanentMembersAgainst", List.of("china", "Russia"))))
                .containsExactly(
                        "permanentMembersAgainst names \"china\"; write that permanent member exactly as \"China\"",
                        "permanentMembersAgainst names \"Russia\"; write that permanent member exactly as "
                                + "\"Russian Federation\"");
    }

    @Test
    void a_permanent_member_named_twice_is_refused() {
        assertThat(problemsOf(VoteRule.councilResolution, with(counted("2014-12-22", 11, 2, 2),
                "permanentMembersAgainst", List.of("China", "China"))))
                .containsExactly("permanentMembersAgainst names China more than once");
    }

    @Test
    void more_permanent_members_against_than_votes_against_is_refused() {
        assertThat(problemsOf(VoteRule.councilResolution, with(counted("2014-12-22", 12, 1, 2),
                "permanentMembersAgainst", List.of("China", "Russian Federation"))))
                .containsExactly("permanentMembersAgainst names 2 members but against is 1");
        assertThat(problemsOf(VoteRule.councilAgenda, with(counted("2014-12-22", 13, 0, 2),
                "permanentMembersAgainst", List.of("France"))))
                .containsExactly("permanentMembersAgainst names 1 member but against is 0");
    }

    @Test
    void as_many_permanent_members_against_as_votes_against_is_accepted() {
        Vote vote = VoteReader.read(VoteRule.councilResolution, with(counted("2014-12-22", 12, 2, 1),
                "permanentMembersAgainst", List.of("China", "Russian Federation")), REPORT);

        assertThat(vote.permanentMembersAgainst()).containsExactly("China", "Russian Federation");
    }

    @Test
    void permanentMembersAgainst_that_is_not_a_list_of_names_is_refused() {
        assertThat(problemsOf(VoteRule.councilResolution, with(counted("2014-12-22", 11, 2, 2),
                "permanentMembersAgainst", "China")))
                .containsExactly("permanentMembersAgainst must be a list of names, not a string (\"China\")");
        List<Object> items = new ArrayList<>();
        items.add("China");
        items.add(7);
        items.add(null);
        assertThat(problemsOf(VoteRule.councilResolution, with(counted("2014-12-22", 11, 3, 1),
                "permanentMembersAgainst", items)))
                .containsExactly("permanentMembersAgainst item 2 must be a name (a string), not a number (7)",
                        "permanentMembersAgainst item 3 must be a name (a string), not null");
    }

    @Test
    void a_council_resolution_with_votes_against_and_no_permanentMembersAgainst_is_refused() {
        assertThat(problemsOf(VoteRule.councilResolution, counted("2014-05-22", 13, 2, 0)))
                .singleElement().asString()
                .startsWith("permanentMembersAgainst is required for a Security Council resolution with votes against (2)");
    }

    @Test
    void a_council_resolution_with_votes_against_and_an_empty_permanentMembersAgainst_is_accepted() {
        Vote vote = VoteReader.read(VoteRule.councilResolution, with(counted("2014-05-22", 13, 2, 0),
                "permanentMembersAgainst", List.of()), REPORT);

        assertThat(vote.permanentMembersAgainst()).isEmpty();
    }

    @Test
    void a_council_resolution_with_none_against_needs_no_permanentMembersAgainst() {
        Vote vote = VoteReader.read(VoteRule.councilResolution, counted("2014-05-22", 14, 0, 1), REPORT);

        assertThat(vote.permanentMembersAgainst()).isEmpty();
    }

    @Test
    void a_council_agenda_vote_with_votes_against_needs_no_permanentMembersAgainst() {
        assertThat(VoteReader.read(VoteRule.councilAgenda, counted("2014-12-22", 11, 2, 2), REPORT)
                .permanentMembersAgainst()).isEmpty();
    }

    // ---------------------------------------------------------------- per-member votes

    @Test
    void council_vote_with_ten_yes_but_inFavour_eleven_is_refused() {
        Map<String, Object> votes = votesOf2014();
        votes.put("Rwanda", "ABSTAIN");

        assertThat(problemsOf(VoteRule.councilAgenda, with(proceduralVoteOf2014(), "votes", votes)))
                .containsExactly("votes has 10 YES but inFavour is 11", "votes has 3 ABSTAIN but abstaining is 2");
    }

    @Test
    void council_vote_with_eleven_yes_but_inFavour_ten_is_refused() {
        Map<String, Object> raw = with(proceduralVoteOf2014(), "inFavour", 10);

        assertThat(problemsOf(VoteRule.councilAgenda, raw)).containsExactly("votes has 11 YES but inFavour is 10");
    }

    @Test
    void council_vote_whose_no_votes_disagree_with_against_is_refused() {
        Map<String, Object> raw = with(proceduralVoteOf2014(), "against", 3, "abstaining", 1);

        assertThat(problemsOf(VoteRule.councilAgenda, raw))
                .containsExactly("votes has 2 NO but against is 3", "votes has 2 ABSTAIN but abstaining is 1");
    }

    @Test
    void per_member_votes_for_fewer_members_than_the_counts_are_refused() {
        Map<String, Object> votes = votesOf2014();
        votes.remove("Nigeria");

        assertThat(problemsOf(VoteRule.councilAgenda, with(proceduralVoteOf2014(), "votes", votes)))
                .containsExactly("votes has 1 ABSTAIN but abstaining is 2");
    }

    @Test
    void per_member_votes_for_fewer_than_fifteen_members_agreeing_with_the_counts_are_accepted() {
        Map<String, Object> votes = votesOf2014();
        votes.remove("Nigeria");

        Vote vote = VoteReader.read(VoteRule.councilAgenda,
                with(proceduralVoteOf2014(), "abstaining", 1, "votes", votes), REPORT);

        assertThat(vote.votes()).hasSize(14);
    }

    @Test
    void a_member_vote_other_than_YES_NO_or_ABSTAIN_is_refused() {
        Map<String, Object> votes = votesOf2014();
        votes.put("Chad", "abstain");
        votes.put("Nigeria", 0);

        assertThat(problemsOf(VoteRule.councilAgenda, with(proceduralVoteOf2014(), "votes", votes)))
                .containsExactly("votes gives a string (\"abstain\") for Chad; it must be YES, NO or ABSTAIN",
                        "votes gives a number (0) for Nigeria; it must be YES, NO or ABSTAIN");
    }

    @Test
    void per_member_votes_for_more_than_fifteen_members_are_refused() {
        Map<String, Object> votes = votesOf2014();
        votes.put("Chad", "YES");
        votes.put("Germany", "YES");

        assertThat(problemsOf(VoteRule.councilAgenda, with(proceduralVoteOf2014(), "inFavour", 13,
                "abstaining", 1, "votes", votes)))
                .containsExactly("counts add up to 16 but the Security Council has 15 members "
                                + "(13 in favour, 2 against, 1 abstaining)",
                        "votes names 16 members but the Security Council has 15");
    }

    @Test
    void a_member_with_a_blank_name_is_refused() {
        Map<String, Object> votes = votesOf2014();
        votes.remove("Nigeria");
        votes.put(" ", "ABSTAIN");

        assertThat(problemsOf(VoteRule.councilAgenda, with(proceduralVoteOf2014(), "votes", votes)))
                .containsExactly("votes has a member with a blank name");
    }

    @Test
    void a_member_named_twice_in_different_spellings_is_refused() {
        Map<String, Object> votes = votesOf2014();
        votes.remove("Nigeria");
        votes.put("chad ", "ABSTAIN");

        assertThat(problemsOf(VoteRule.councilAgenda, with(proceduralVoteOf2014(), "votes", votes)))
                .containsExactly("votes names the same member twice: \"Chad\" and \"chad \"");
    }

    @Test
    void a_permanent_member_not_written_exactly_in_votes_is_refused_so_that_no_veto_is_hidden() {
        Map<String, Object> votes = votesOf2014();
        votes.remove("China");
        votes.put("china", "NO");

        assertThat(problemsOf(VoteRule.councilResolution,
                without(with(proceduralVoteOf2014(), "votes", votes), "permanentMembersAgainst")))
                .containsExactly("votes names \"china\"; write that permanent member exactly as \"China\"");
    }

    @Test
    void votes_that_are_not_an_object_are_refused() {
        assertThat(problemsOf(VoteRule.councilAgenda, with(proceduralVoteOf2014(), "votes", List.of("China"))))
                .containsExactly("votes must be an object of member name to YES, NO or ABSTAIN, not a list");
    }

    @Test
    void a_permanent_member_voting_no_that_permanentMembersAgainst_leaves_out_is_refused() {
        Map<String, Object> raw = with(proceduralVoteOf2014(), "permanentMembersAgainst", List.of("Russian Federation"));

        assertThat(problemsOf(VoteRule.councilResolution, raw))
                .containsExactly("votes has China voting NO but permanentMembersAgainst does not name China");
    }

    @Test
    void a_permanent_member_against_who_did_not_vote_no_is_refused() {
        Map<String, Object> votes = votesOf2014();
        votes.remove("Chad");
        votes.put("Chad", "NO");
        votes.remove("France");
        votes.put("France", "ABSTAIN");
        Map<String, Object> raw = with(proceduralVoteOf2014(), "inFavour", 10, "against", 3,
                "permanentMembersAgainst", List.of("China", "Russian Federation", "France"), "votes", votes);

        assertThat(problemsOf(VoteRule.councilResolution, raw))
                .containsExactly("permanentMembersAgainst names France but votes has France voting ABSTAIN");
    }

    @Test
    void a_permanent_member_against_without_a_vote_is_refused() {
        Map<String, Object> votes = votesOf2014();
        votes.remove("United States");
        votes.put("Chad", "NO");
        votes.put("Nigeria", "NO");
        Map<String, Object> raw = with(proceduralVoteOf2014(), "inFavour", 10, "against", 4, "abstaining", 0,
                "permanentMembersAgainst", List.of("China", "Russian Federation", "United States"), "votes", votes);

        assertThat(problemsOf(VoteRule.councilResolution, raw))
                .containsExactly("permanentMembersAgainst names United States but votes has no vote for United States");
    }

    // ---------------------------------------------------------------- keys, types, several problems

    @Test
    void council_keys_are_refused_under_a_non_council_rule() {
        assertThat(problemsOf(VoteRule.hrc, with(counted("2014-03-28", 30, 6, 11),
                "permanentMembersAgainst", List.of(), "votes", Map.of())))
                .containsExactly("permanentMembersAgainst is only accepted for Security Council votes, not under the rule hrc",
                        "votes is only accepted for Security Council votes, not under the rule hrc");
    }

    @Test
    void an_unknown_field_is_refused() {
        assertThat(problemsOf(VoteRule.plenary, with(counted("2014-12-18", 116, 20, 53), "absent", 4)))
                .containsExactly("unknown field \"absent\": a vote under the rule plenary takes date, symbol, "
                        + "adoptedWithoutVote, inFavour, against, abstaining");
    }

    @Test
    void wrong_types_everywhere_are_each_reported_and_never_a_class_cast() {
        Map<String, Object> raw = fields("date", true, "symbol", List.of(), "adoptedWithoutVote", "no",
                "inFavour", Map.of(), "against", "2", "abstaining", false,
                "permanentMembersAgainst", Map.of("China", true), "votes", "China: NO");

        assertThat(problemsOf(VoteRule.councilResolution, raw)).containsExactly(
                "date must be a date written yyyy-MM-dd, not a boolean (true)",
                "symbol must be a document symbol (a string), not a list",
                "adoptedWithoutVote must be true or false, not a string (\"no\")",
                "inFavour must be a whole number, not an object",
                "against must be a whole number, not a string (\"2\")",
                "abstaining must be a whole number, not a boolean (false)",
                "permanentMembersAgainst must be a list of names, not an object",
                "votes must be an object of member name to YES, NO or ABSTAIN, not a string (\"China: NO\")");
    }

    @Test
    void a_missing_vote_is_refused_rather_than_failing() {
        assertThat(problemsOf(VoteRule.hrc, null)).containsExactly("date is required (yyyy-MM-dd)",
                "give either adoptedWithoutVote: true or the counts inFavour, against and abstaining");
    }

    @Test
    void several_problems_are_reported_together_in_one_refusal() {
        Map<String, Object> raw = fields("date", "2014-01-01", "symbol", "", "inFavour", -3, "against", 6.5);

        InvalidVote refused = catchThrowableOfType(() -> VoteReader.read(VoteRule.hrc, raw, REPORT), InvalidVote.class);

        assertThat(refused.problems()).containsExactly(
                "date 2014-01-01 is before the campaign's report of 2014-02-17",
                "symbol must not be blank when given",
                "abstaining is required: a counted vote gives all of inFavour, against and abstaining",
                "inFavour must not be negative, but is -3",
                "against must be a whole number, not 6.5");
        assertThat(refused).hasMessage(String.join("; ", refused.problems()));
    }

    @Test
    void several_council_problems_are_reported_together() {
        Map<String, Object> votes = votesOf2014();
        votes.put("Rwanda", "NO");
        Map<String, Object> raw = with(proceduralVoteOf2014(), "abstaining", -2,
                "permanentMembersAgainst", List.of("China", "Chad", "China"));

        assertThat(problemsOf(VoteRule.councilResolution, with(raw, "votes", votes))).containsExactly(
                "abstaining must not be negative, but is -2",
                "permanentMembersAgainst names \"Chad\", which is not a permanent member of the Security Council "
                        + "(the permanent members are China, France, Russian Federation, United Kingdom and United States)",
                "permanentMembersAgainst names China more than once",
                "permanentMembersAgainst names 3 members but against is 2",
                "votes has 10 YES but inFavour is 11",
                "votes has 3 NO but against is 2");
    }

    @Test
    void an_invalid_vote_lists_its_problems_and_joins_them_in_its_message() {
        InvalidVote invalid = new InvalidVote(List.of("date is required (yyyy-MM-dd)", "inFavour must not be negative, but is -1"));

        assertThat(invalid.problems()).hasSize(2);
        assertThat(invalid).hasMessage("date is required (yyyy-MM-dd); inFavour must not be negative, but is -1");
        assertThatThrownBy(() -> invalid.problems().add("more")).isInstanceOf(UnsupportedOperationException.class);
    }

    // ---------------------------------------------------------------- the recorded vote

    @Test
    void asFields_of_a_counted_vote_gives_its_values_in_order() {
        Vote vote = VoteReader.read(VoteRule.hrc,
                with(counted("2014-03-28", 30, 6, 11), "symbol", "A/HRC/RES/25/25"), REPORT);

        assertThat(vote.asFields()).containsExactly(
                Map.entry("date", "2014-03-28"),
                Map.entry("symbol", "A/HRC/RES/25/25"),
                Map.entry("adoptedWithoutVote", false),
                Map.entry("inFavour", 30),
                Map.entry("against", 6),
                Map.entry("abstaining", 11));
    }

    @Test
    void asFields_of_a_vote_adopted_without_a_vote_leaves_out_the_counts_and_an_absent_symbol() {
        Vote vote = VoteReader.read(VoteRule.councilAgenda,
                fields("date", "2014-12-22", "adoptedWithoutVote", true), REPORT);

        assertThat(vote.asFields()).containsExactly(
                Map.entry("date", "2014-12-22"),
                Map.entry("adoptedWithoutVote", true));
    }

    @Test
    void asFields_of_a_council_vote_gives_permanent_members_against_and_the_per_member_votes_as_strings() {
        Vote vote = VoteReader.read(VoteRule.councilAgenda, proceduralVoteOf2014(), REPORT);

        Map<String, Object> recorded = vote.asFields();

        assertThat(recorded.keySet()).containsExactly("date", "symbol", "adoptedWithoutVote",
                "inFavour", "against", "abstaining", "permanentMembersAgainst", "votes");
        assertThat(recorded.get("permanentMembersAgainst")).isEqualTo(List.of("China", "Russian Federation"));
        assertThat(recorded.get("votes")).isEqualTo(votesOf2014());
        assertThat(new ArrayList<Object>(((Map<?, ?>) recorded.get("votes")).keySet()))
                .containsExactlyElementsOf(votesOf2014().keySet());
    }

    @Test
    void asFields_of_a_council_vote_without_per_member_votes_gives_an_empty_permanent_members_list() {
        Vote vote = VoteReader.read(VoteRule.councilResolution, counted("2014-05-22", 14, 0, 1), REPORT);

        assertThat(vote.asFields()).containsEntry("permanentMembersAgainst", List.of()).doesNotContainKey("votes");
    }

    @Test
    void asFields_of_a_non_council_vote_has_no_council_keys() {
        Vote vote = VoteReader.read(VoteRule.plenary, counted("2014-12-18", 116, 20, 53), REPORT);

        assertThat(vote.asFields()).doesNotContainKeys("permanentMembersAgainst", "votes", "symbol");
    }

    @Test
    void reading_the_recorded_fields_again_gives_the_same_vote() {
        List<Vote> votes = List.of(
                VoteReader.read(VoteRule.hrc, with(counted("2014-03-28", 30, 6, 11), "symbol", "A/HRC/RES/25/25"), REPORT),
                VoteReader.read(VoteRule.thirdCommittee, counted("2014-11-18", 111, 19, 55), REPORT),
                VoteReader.read(VoteRule.plenary, fields("date", "2014-12-18", "adoptedWithoutVote", true), REPORT),
                VoteReader.read(VoteRule.councilAgenda, proceduralVoteOf2014(), REPORT),
                VoteReader.read(VoteRule.councilResolution, without(proceduralVoteOf2014(), "votes"), REPORT),
                VoteReader.read(VoteRule.councilResolution, fields("date", "2014-12-22", "adoptedWithoutVote", true), REPORT));

        for (Vote vote : votes) {
            Vote again = VoteReader.read(vote.rule(), vote.asFields(), REPORT);
            assertThat(again).isEqualTo(vote);
            assertThat(again.votes().keySet()).containsExactlyElementsOf(vote.votes().keySet());
        }
    }

    @Test
    void a_vote_cannot_be_changed_through_its_lists() {
        Vote vote = VoteReader.read(VoteRule.councilAgenda, proceduralVoteOf2014(), REPORT);

        assertThatThrownBy(() -> vote.permanentMembersAgainst().add("France"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> vote.votes().put("France", MemberVote.NO))
                .isInstanceOf(UnsupportedOperationException.class);
        vote.asFields().put("extra", 1);
        assertThat(vote.asFields()).doesNotContainKey("extra");
    }

    @Test
    void a_vote_built_directly_with_null_lists_has_empty_ones() {
        Vote vote = new Vote(VoteRule.hrc, LocalDate.of(2014, 3, 28), null, false, 30, 6, 11, null, null);

        assertThat(vote.permanentMembersAgainst()).isEmpty();
        assertThat(vote.votes()).isEmpty();
    }

    @Test
    void a_vote_keeps_the_order_of_a_given_map_of_member_votes() {
        Map<String, MemberVote> given = new LinkedHashMap<>();
        given.put("Nigeria", MemberVote.ABSTAIN);
        given.put("China", MemberVote.NO);
        given.put("Argentina", MemberVote.YES);
        Vote vote = new Vote(VoteRule.councilAgenda, LocalDate.of(2014, 12, 22), null, false, 1, 1, 1,
                List.of("China"), given);
        given.put("France", MemberVote.YES);

        assertThat(vote.votes().keySet()).containsExactly("Nigeria", "China", "Argentina");
    }

    @Test
    void member_votes_and_outcomes_have_their_public_names() {
        assertThat(MemberVote.named("ABSTAIN")).contains(MemberVote.ABSTAIN);
        assertThat(MemberVote.named("abstain")).isEmpty();
        assertThat(Outcome.values()).extracting(Outcome::name)
                .containsExactly("ADOPTED", "REJECTED", "VETOED", "NOT_HELD");
    }
}
