package org.advocacy.engine.reference;

import static org.advocacy.engine.support.CouncilFiles.ELECTED_2019;
import static org.advocacy.engine.support.CouncilFiles.council;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.stream.IntStream;

import org.advocacy.engine.votes.PermanentMembers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnMembershipTest {

    private static final UnMembership SHIPPED = UnMembership.fromClasspath();

    private static final String STATES = """
            name,short
            China,China
            France,France
            Russian Federation,Russian Federation
            United Kingdom of Great Britain and Northern Ireland,United Kingdom
            United States of America,United States
            Chad,Chad
            Democratic People's Republic of Korea,DPRK
            """;
    private static final String COUNCIL_HEADER = "year,member,seat\n";
    private static final String PERMANENT_2014 = """
            2014,China,permanent
            2014,France,permanent
            2014,Russian Federation,permanent
            2014,United Kingdom,permanent
            2014,United States,permanent
            """;

    @Test
    void the_193_member_states_are_listed_once_each() {
        assertThat(SHIPPED.memberStates()).hasSize(193).doesNotHaveDuplicates()
                .startsWith("Afghanistan").contains("DPRK", "Republic of Korea", "Côte d'Ivoire")
                .containsAll(PermanentMembers.NAMES);
    }

    @Test
    void the_council_is_known_for_2014_to_2018() {
        assertThat(SHIPPED.councilYears()).containsExactly(2014, 2015, 2016, 2017, 2018);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2014, 2015, 2016, 2017, 2018})
    void each_year_has_five_permanent_members_first_and_ten_elected(int year) {
        List<String> members = SHIPPED.councilMembers(year);
        assertThat(members).hasSize(15).doesNotHaveDuplicates();
        assertThat(members.subList(0, 5)).containsExactlyElementsOf(PermanentMembers.IN_ORDER);
        assertThat(members.subList(5, 15)).noneMatch(PermanentMembers::isPermanent);
        assertThat(SHIPPED.memberStates()).containsAll(members);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2014, Republic of Korea", "2014, Rwanda", "2018, Sweden"})
    void elected_members_are_those_of_the_record(int year, String member) {
        assertThat(SHIPPED.councilMembers(year)).contains(member);
    }

    @Test
    void the_permanent_members_are_the_five_of_the_vote_rules() {
        assertThat(SHIPPED.permanentMembers()).containsExactlyElementsOf(PermanentMembers.IN_ORDER);
    }

    @Test
    void a_year_without_data_has_no_members() {
        assertThat(SHIPPED.councilMembers(1946)).isEmpty();
        assertThat(SHIPPED.councilMembers(2030)).isEmpty();
    }

    @Test
    void what_it_answers_cannot_be_changed() {
        assertThat(SHIPPED.memberStates()).isUnmodifiable();
        assertThat(SHIPPED.councilMembers(2014)).isUnmodifiable();
        assertThat(SHIPPED.councilYears()).isUnmodifiable();
        assertThat(SHIPPED.permanentMembers()).isUnmodifiable();
    }

    @Test
    void permanent_members_come_first_whatever_the_file_order() {
        UnMembership membership = membership(STATES, COUNCIL_HEADER + "2014,Chad,elected\n" + PERMANENT_2014);
        assertThat(membership.councilMembers(2014)).containsExactly(
                "China", "France", "Russian Federation", "United Kingdom", "United States", "Chad");
    }

    @Test
    void blank_lines_and_a_byte_order_mark_are_accepted() {
        UnMembership membership = membership("\uFEFF" + STATES + "\n\n", COUNCIL_HEADER + PERMANENT_2014 + "\n");
        assertThat(membership.memberStates()).hasSize(7);
        assertThat(membership.councilYears()).containsExactly(2014);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a missing header          | short,name                     | line 1: the header must be name,short",
            "a missing value           | Chad                           | line 9: expected 2 values",
            "an extra value            | Chad,Chad,Chad                 | line 9: expected 2 values",
            "an empty short name       | 'Chad,'                        | line 9: short is empty",
            "a quoted name             | '\"Korea, Republic of\",Korea' | line 9: quoted values are not supported",
            "a duplicate short name    | Tchad,Chad                     | line 9: Chad is listed twice"})
    void a_malformed_member_state_file_is_refused_with_its_line(String problem, String line, String message) {
        String states = line.startsWith("short,name") ? line + "\n" + STATES.substring(STATES.indexOf('\n') + 1)
                : STATES + line + "\n";
        assertThatThrownBy(() -> membership(states, COUNCIL_HEADER + PERMANENT_2014))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(UnMembership.MEMBER_STATES + " " + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a short year          | 14,Chad,elected              | line 7: the year must have four digits, not 14",
            "an unknown member     | 2014,Japan,elected           | line 7: Japan is not the short name of a member state",
            "an unknown seat       | 2014,Chad,rotating           | line 7: the seat must be permanent or elected, not rotating",
            "a member listed twice | 2014,China,elected           | line 7: China is listed twice for 2014",
            "a missing seat        | 2014,Chad                    | line 7: expected 3 values"})
    void a_malformed_council_file_is_refused_with_its_line(String problem, String line, String message) {
        assertThatThrownBy(() -> membership(STATES, COUNCIL_HEADER + PERMANENT_2014 + line + "\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(UnMembership.SECURITY_COUNCIL + " " + message);
    }

    @Test
    void a_year_with_other_permanent_members_is_refused() {
        String council = COUNCIL_HEADER + PERMANENT_2014 + PERMANENT_2014.replace("2014", "2015")
                .replace("2015,France,permanent", "2015,Chad,permanent");
        assertThatThrownBy(() -> membership(STATES, council))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(UnMembership.SECURITY_COUNCIL).hasMessageContaining("2015");
    }

    @Test
    void an_empty_file_is_refused() {
        assertThatThrownBy(() -> membership("", COUNCIL_HEADER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(UnMembership.MEMBER_STATES + " line 1: the header must be name,short, not missing");
    }

    @Test
    void the_line_numbers_count_every_line_of_the_file() {
        String states = STATES + String.join("", IntStream.range(0, 3).mapToObj(blank -> "\n").toList()) + "Chad\n";
        assertThatThrownBy(() -> membership(states, COUNCIL_HEADER))
                .hasMessageStartingWith(UnMembership.MEMBER_STATES + " line 12:");
    }

    // ---- a file loaded while the app runs: the same checks, and each year whole

    private static java.util.Map<Integer, List<String>> checked(String file) {
        return SHIPPED.checkedCouncilFile(new StringReader(file));
    }

    private static List<String> problems(String file) {
        try {
            checked(file);
        } catch (InvalidCouncilFile invalid) {
            return invalid.problems();
        }
        throw new AssertionError("the file was accepted: " + file);
    }

    @Test
    void a_whole_year_after_the_shipped_ones_is_accepted_with_its_permanent_members_first() {
        String elected = String.join("", ELECTED_2019.stream().map(member -> "2019," + member + ",elected\n").toList());
        String permanentLast = COUNCIL_HEADER + elected + PERMANENT_2014.replace("2014", "2019");

        java.util.Map<Integer, List<String>> years = checked(permanentLast);

        assertThat(years).containsOnlyKeys(2019);
        assertThat(years.get(2019)).hasSize(15).startsWith(PermanentMembers.IN_ORDER.toArray(String[]::new))
                .endsWith(ELECTED_2019.toArray(String[]::new));
        assertThat(SHIPPED.councilYears()).as("checking a file loads nothing").containsExactly(2014, 2015, 2016, 2017, 2018);
    }

    @Test
    void several_years_may_be_given_in_one_file() {
        String file = council(2019, ELECTED_2019) + council(2020, ELECTED_2019).substring(COUNCIL_HEADER.length());

        assertThat(checked(file)).containsOnlyKeys(2019, 2020);
    }

    @Test
    void a_shipped_year_cannot_be_replaced() {
        assertThat(problems(council(2018, SHIPPED.councilMembers(2018).subList(5, 15)))).containsExactly(
                "line 2: 2018 is shipped with the app (reference/security-council.csv) and cannot be replaced by a loaded file");
    }

    @ParameterizedTest(name = "{0} elected")
    @ValueSource(ints = {9, 11})
    void a_year_without_ten_elected_members_is_refused(int elected) {
        List<String> members = new java.util.ArrayList<>(ELECTED_2019);
        if (elected > 10) {
            members.add("Chad");
        } else {
            members.remove(0);
        }
        assertThat(problems(council(2019, members))).containsExactly(
                "line 2: 2019 has " + elected + " elected members; the Council has 10 in every year");
    }

    @Test
    void a_year_with_other_permanent_members_than_the_shipped_file_is_refused() {
        String file = council(2019, ELECTED_2019).replace("2019,France,permanent", "2019,France,elected")
                .replace("2019,Germany,elected", "2019,Germany,permanent");

        assertThat(problems(file)).containsExactly("line 2: the permanent members of 2019 are [China, Russian Federation,"
                + " United Kingdom, United States, Germany], not [China, France, Russian Federation, United Kingdom,"
                + " United States] as in reference/security-council.csv");
    }

    @Test
    void every_problem_of_a_file_is_listed_with_its_line() {
        String file = council(2019, ELECTED_2019).replace("2019,Kuwait,elected", "2019,Kuweit,elected")
                .replace("2019,Peru,elected", "2019,Peru,rotating") + "19,Chad,elected\n2019,Poland,elected\n\"a\",b,c\n";

        assertThat(problems(file)).containsExactly(
                "line 2: 2019 has 8 elected members; the Council has 10 in every year",
                "line 13: Kuweit is not the short name of a member state in reference/member-states.csv",
                "line 14: the seat must be permanent or elected, not rotating",
                "line 17: the year must have four digits, not 19",
                "line 18: Poland is listed twice for 2019",
                "line 19: quoted values are not supported: \"a\",b,c");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no header       | 2019,China,permanent | line 1: the header must be year,member,seat, not 2019,China,permanent",
            "only the header | year,member,seat     | the file gives no year: after the header year,member,seat, one line for each member of each year"})
    void a_file_without_years_is_refused(String what, String file, String problem) {
        assertThat(problems(file + "\n")).containsExactly(problem);
    }

    private static UnMembership membership(String memberStates, String securityCouncil) {
        return new UnMembership(new StringReader(memberStates), new StringReader(securityCouncil));
    }
}
