package org.advocacy.engine.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.reference.UnMembership;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The names that must be Security Council members: the request's signatories and a Council vote's members. */
class FieldValidatorTest {

    private static final UnMembership MEMBERSHIP = UnMembership.fromClasspath();
    private static final FieldSpec DATE = new FieldSpec("date", "Date", FieldType.DATE, true, null, List.of(), null,
            null, false, null, null);
    private static final FieldSpec SIGNATORIES = new FieldSpec("signatories", "Signatories", FieldType.NAMES, true,
            null, List.of(), 1L, 15L, false, null, FieldValidator.COUNCIL_MEMBERS);
    private static final FieldSpec CONVENERS = new FieldSpec("conveners", "Conveners", FieldType.NAMES, true,
            null, List.of(), 1L, null, false, null, "memberStates");
    private static final FieldSpec AGENDA_VOTE = new FieldSpec("councilAgenda", "Procedural vote", FieldType.VOTE,
            true, null, List.of(), null, null, false, null, null);
    private static final FieldSpec HRC_VOTE = new FieldSpec("hrc", "HRC vote", FieldType.VOTE, true, null, List.of(),
            null, null, false, null, null);

    /** The eight that voted for the agenda on 19 March 2018 (S/PV.8209), less Kuwait. */
    private static final List<String> SEVEN_OF_2018 = List.of("France", "Netherlands", "Peru", "Poland", "Sweden",
            "United Kingdom", "United States");

    private static Submission request(String date, List<String> signatories) {
        return FieldValidator.validate("task file-agenda-request", List.of(DATE, SIGNATORIES),
                Map.of("date", date, "signatories", signatories), null, MEMBERSHIP);
    }

    private static List<String> refusals(Runnable submission) {
        return catchThrowableOfType(submission::run, InvalidSubmission.class).problems();
    }

    @Nested
    class Signatories {

        @Test
        void members_of_the_council_in_the_year_of_the_request_are_accepted() {
            assertThat(request("2018-03-15", SEVEN_OF_2018).fields().get("signatories")).isEqualTo(SEVEN_OF_2018);
        }

        @Test
        void a_state_that_was_not_on_the_council_that_year_is_refused_by_name_with_the_members_of_that_year() {
            List<String> withAustralia = List.of("France", "Australia", "Sweden");

            assertThat(refusals(() -> request("2018-03-15", withAustralia))).containsExactly(
                    "signatories names Australia, which was not a member of the Security Council in 2018 (the step's"
                            + " date is 2018-03-15); its members in 2018 were China, France, Russian Federation,"
                            + " United Kingdom, United States, Bolivia, Côte d'Ivoire, Equatorial Guinea, Ethiopia,"
                            + " Kazakhstan, Kuwait, Netherlands, Peru, Poland and Sweden");
            assertThat(refusals(() -> request("2014-12-05", withAustralia))).singleElement().asString()
                    .startsWith("signatories names Sweden, which was not a member of the Security Council in 2014");
        }

        @Test
        void every_name_outside_the_council_is_named_in_one_message() {
            assertThat(refusals(() -> request("2014-12-05", List.of("Sweden", "France", "Amnesty International"))))
                    .singleElement().asString()
                    .startsWith("signatories names Sweden and Amnesty International, which were not members of the"
                            + " Security Council in 2014");
        }

        @Test
        void a_member_written_otherwise_is_told_its_exact_name() {
            assertThat(refusals(() -> request("2018-03-15", List.of("Russia", "netherlands")))).containsExactly(
                    "signatories names \"Russia\"; write that member of the Security Council exactly as"
                            + " \"Russian Federation\"",
                    "signatories names \"netherlands\"; write that member of the Security Council exactly as"
                            + " \"Netherlands\"");
        }

        @Test
        void a_year_the_reference_data_does_not_cover_accepts_any_names() {
            List<String> names = List.of("Japan", "Amnesty International");
            assertThat(request("2013-12-05", names).fields().get("signatories")).isEqualTo(names);
            assertThat(request("2019-01-10", names).fields().get("signatories")).isEqualTo(names);
        }

        @Test
        void other_lists_of_names_are_not_held_to_the_council() {
            Submission submission = FieldValidator.validate("task convene-arria-meeting", List.of(DATE, CONVENERS),
                    Map.of("date", "2018-03-15", "conveners", List.of("Liechtenstein", "Australia")), null, MEMBERSHIP);
            assertThat(submission.fields().get("conveners")).isEqualTo(List.of("Liechtenstein", "Australia"));
        }

        @Test
        void an_invalid_date_leaves_only_the_date_refused() {
            assertThat(refusals(() -> request("2018-13-01", List.of("Australia")))).singleElement().asString()
                    .startsWith("date must be a date");
        }
    }

    @Nested
    class CouncilVotes {

        /** 19 March 2018, S/PV.8209: the agenda fails 8-4-3. */
        private Map<String, Object> syriaAgendaVote(String date) {
            Map<String, String> votes = new LinkedHashMap<>();
            List.of("France", "Kuwait", "Netherlands", "Peru", "Poland", "Sweden", "United Kingdom", "United States")
                    .forEach(member -> votes.put(member, "YES"));
            List.of("Bolivia", "China", "Kazakhstan", "Russian Federation").forEach(member -> votes.put(member, "NO"));
            List.of("Côte d'Ivoire", "Equatorial Guinea", "Ethiopia").forEach(member -> votes.put(member, "ABSTAIN"));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("date", date);
            body.put("symbol", "S/PV.8209");
            body.put("inFavour", 8);
            body.put("against", 4);
            body.put("abstaining", 3);
            body.put("votes", votes);
            return body;
        }

        @Test
        void per_member_votes_of_that_years_members_are_accepted() {
            Submission submission = FieldValidator.validate("task record-procedural-vote", List.of(AGENDA_VOTE),
                    syriaAgendaVote("2018-03-19"), null, MEMBERSHIP);
            assertThat(submission.vote().vote().votes()).hasSize(15);
            assertThat(submission.vote().vote().permanentMembersAgainst())
                    .containsExactly("China", "Russian Federation");
        }

        @Test
        void per_member_votes_naming_members_of_another_year_are_refused() {
            assertThat(refusals(() -> FieldValidator.validate("task record-procedural-vote", List.of(AGENDA_VOTE),
                    syriaAgendaVote("2014-12-22"), null, MEMBERSHIP))).singleElement().asString()
                    .startsWith("votes names Kuwait, Netherlands, Peru, Poland, Sweden, Bolivia, Kazakhstan,"
                            + " Côte d'Ivoire, Equatorial Guinea and Ethiopia, which were not members of the"
                            + " Security Council in 2014");
        }

        @Test
        void counts_alone_name_nobody_and_are_accepted() {
            Map<String, Object> counted = new LinkedHashMap<>(syriaAgendaVote("2014-12-22"));
            counted.remove("votes");
            assertThat(FieldValidator.validate("task record-procedural-vote", List.of(AGENDA_VOTE), counted, null,
                    MEMBERSHIP).vote().vote().inFavour()).isEqualTo(8);
        }

        @Test
        void votes_of_other_bodies_name_no_members() {
            Submission hrc = FieldValidator.validate("task record-hrc-vote", List.of(HRC_VOTE),
                    Map.of("date", "2018-03-23", "inFavour", 27, "against", 4, "abstaining", 16), null, MEMBERSHIP);
            assertThat(hrc.vote().vote().votes()).isEmpty();
        }
    }

    @Nested
    class Bounds {

        private final FieldSpec note = new FieldSpec("note", "Note", FieldType.STRING, false, null, List.of(), null,
                null, false, null, null);

        private Map<String, Object> validated(FieldSpec spec, Object value) {
            return FieldValidator.validate("task", List.of(spec), Map.of(spec.id(), value), null, MEMBERSHIP).fields();
        }

        @Test
        void a_text_that_declares_no_maxlength_takes_ten_thousand_characters_and_no_more() {
            assertThat(note.max()).isEqualTo(FieldSpec.LONGEST_TEXT);
            assertThat(validated(note, "n".repeat(10_000))).containsKey("note");

            assertThat(refusals(() -> validated(note, "n".repeat(10_001))))
                    .containsExactly("note must have at most 10000 characters");
        }

        @Test
        void a_list_of_names_that_declares_no_maxlength_takes_four_hundred_names_and_no_more() {
            List<String> names = java.util.stream.IntStream.rangeClosed(1, 401).mapToObj(i -> "Name " + i).toList();

            assertThat(CONVENERS.max()).isEqualTo(FieldSpec.MOST_NAMES);
            assertThat(validated(CONVENERS, names.subList(0, 400))).containsKey("conveners");
            assertThat(refusals(() -> validated(CONVENERS, names))).containsExactly("conveners must name at most 400");
        }

        @Test
        void a_declared_maxlength_stands() {
            FieldSpec symbol = new FieldSpec("symbol", "Symbol", FieldType.STRING, false, null, List.of(), null, 100L,
                    false, null, null);

            assertThat(symbol.max()).isEqualTo(100L);
        }

        @Test
        void a_control_character_in_a_text_or_a_name_is_refused_but_a_line_break_in_a_text_is_not() {
            assertThat(validated(note, "first line\nsecond\tline")).containsEntry("note", "first line\nsecond\tline");

            assertThat(refusals(() -> validated(note, "a\u0000b"))).containsExactly("note must not contain control characters");
            assertThat(refusals(() -> validated(CONVENERS, List.of("France\nSweden"))))
                    .containsExactly("conveners must not contain control characters");
        }

        @Test
        void a_date_must_have_four_digits_of_year() {
            assertThat(refusals(() -> validated(DATE, "+999999999-12-31")))
                    .containsExactly("date must be a date written as YYYY-MM-DD, not +999999999-12-31");
            assertThat(validated(DATE, "9999-12-31")).containsEntry("date", "9999-12-31");
        }
    }
}
