package org.advocacy.engine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.advocacy.engine.reference.UnMembership;
import org.advocacy.engine.templates.FieldSpec;
import org.advocacy.engine.templates.FieldType;
import org.advocacy.engine.templates.FieldValidator;
import org.advocacy.engine.templates.InvalidSubmission;
import org.advocacy.engine.web.FormFields.Field;
import org.advocacy.engine.web.FormFields.Suggestions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Forms drawn from field declarations, and posted forms bound into the submission that the validator takes. */
class FormFieldsTest {

    private static FieldSpec spec(String id, FieldType type, boolean required) {
        return new FieldSpec(id, id + " label", type, required, null, List.of(), null, null, false, null, null);
    }

    private static final UnMembership MEMBERSHIP = UnMembership.fromClasspath();
    private static final FieldSpec HELD = spec("held", FieldType.BOOLEAN, true);
    private static final FieldSpec DATE = new FieldSpec("date", "Date", FieldType.DATE, false, "held", List.of(), null,
            null, false, null, null);
    private static final FieldSpec CONVENERS = new FieldSpec("conveners", "Conveners", FieldType.NAMES, false, "held",
            List.of(), 1L, null, false, null, "memberStates");
    private static final FieldSpec DECISION = new FieldSpec("decision", "Decision", FieldType.ENUM, true, null,
            List.of("REDRAFT", "ABANDON"), null, null, false, null, null);
    private static final FieldSpec COUNT = new FieldSpec("count", "Count", FieldType.LONG, true, null, List.of(), 0L,
            10L, false, null, null);
    private static final FieldSpec NOTE = new FieldSpec("note", "Note", FieldType.STRING, false, null, List.of(), null,
            4000L, false, null, null);
    private static final FieldSpec HRC = new FieldSpec("hrc", "HRC vote", FieldType.VOTE, true, null, List.of(), null,
            null, false, null, null);
    private static final FieldSpec COUNCIL = new FieldSpec("councilResolution", "Council vote", FieldType.VOTE, true,
            null, List.of(), null, null, false, null, null);

    private static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @Nested
    class Drawing {

        @Test
        void each_declared_type_gets_its_widget_with_its_label_limits_and_requirement() {
            List<Field> fields = FormFields.of(List.of(HELD, DATE, CONVENERS, DECISION, COUNT, NOTE), Map.of(), List.of(),
                    List.of());

            assertThat(fields).extracting(Field::id, Field::widget, Field::required, Field::requiredWhen).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("held", "yesno", true, null),
                    org.assertj.core.groups.Tuple.tuple("date", "date", false, "held"),
                    org.assertj.core.groups.Tuple.tuple("conveners", "names", false, "held"),
                    org.assertj.core.groups.Tuple.tuple("decision", "choice", true, null),
                    org.assertj.core.groups.Tuple.tuple("count", "number", true, null),
                    org.assertj.core.groups.Tuple.tuple("note", "text", false, null));
            assertThat(fields.get(3).values()).containsExactly("REDRAFT", "ABANDON");
            assertThat(fields.get(4).min()).isEqualTo(0L);
            assertThat(fields.get(5).max()).isEqualTo(4000L);
        }

        @Test
        void a_list_of_names_suggests_what_its_template_declares() {
            FieldSpec signatories = new FieldSpec("signatories", "Signatories", FieldType.NAMES, true, null, List.of(),
                    null, null, false, null, "councilMembers");
            FieldSpec undeclared = spec("recipients", FieldType.NAMES, false);

            assertThat(FormFields.of(List.of(CONVENERS, signatories, undeclared), Map.of(), List.of(), List.of()))
                    .extracting(Field::suggestions)
                    .containsExactly(Suggestions.MEMBER_STATES, Suggestions.COUNCIL_MEMBERS, Suggestions.NONE);
        }

        @Test
        void entered_values_are_drawn_again() {
            List<Field> fields = FormFields.of(List.of(HELD, CONVENERS, NOTE),
                    Map.of("held", true, "conveners", List.of("France", "Australia"), "note", "As planned"), List.of(),
                    List.of());

            assertThat(fields.get(0).value()).isEqualTo("true");
            assertThat(fields.get(1).names()).containsExactly("France", "Australia");
            assertThat(fields.get(2).value()).isEqualTo("As planned");
        }

        @Test
        void a_council_vote_offers_the_five_permanent_members_and_a_row_for_each_council_member() {
            List<String> council2014 = List.of("China", "France", "Russian Federation", "United Kingdom",
                    "United States", "Argentina", "Australia", "Chad", "Chile", "Jordan", "Lithuania", "Luxembourg",
                    "Nigeria", "Republic of Korea", "Rwanda");

            Field vote = FormFields.of(List.of(COUNCIL), Map.of(), List.of(), council2014).get(0);

            assertThat(vote.widget()).isEqualTo("vote");
            assertThat(vote.vote().council()).isTrue();
            assertThat(vote.vote().substantive()).isTrue();
            assertThat(vote.vote().members()).isEqualTo(15);
            assertThat(vote.vote().permanentMembers()).containsExactly("China", "France", "Russian Federation",
                    "United Kingdom", "United States");
            assertThat(vote.vote().memberRows()).extracting(FormFields.MemberRow::member).isEqualTo(council2014);
        }

        @Test
        void a_vote_of_another_body_has_no_council_parts() {
            Field vote = FormFields.of(List.of(HRC), Map.of(), List.of(), List.of()).get(0);

            assertThat(vote.vote().council()).isFalse();
            assertThat(vote.vote().members()).isEqualTo(47);
            assertThat(vote.vote().memberRows()).isEmpty();
        }
    }

    @Nested
    class PlacingRefusals {

        @Test
        void each_refusal_goes_to_the_field_it_names_and_the_rest_to_the_form() {
            List<String> problems = List.of("held is required", "conveners names France twice", "unknown field x; ...");

            List<Field> fields = FormFields.of(List.of(HELD, CONVENERS), Map.of(), problems, List.of());

            assertThat(fields.get(0).problems()).containsExactly("held is required");
            assertThat(fields.get(1).problems()).containsExactly("conveners names France twice");
            assertThat(FormFields.unplaced(List.of(HELD, CONVENERS), problems)).containsExactly("unknown field x; ...");
        }

        @Test
        void a_refusal_of_a_vote_key_goes_to_that_key_and_one_of_the_whole_vote_to_the_vote() {
            List<String> problems;
            try {
                FieldValidator.validate("task record-hrc-vote", List.of(HRC),
                        Map.of("date", "2014-03-28", "inFavour", 30L, "against", -6L, "abstaining", 30L), null, MEMBERSHIP);
                throw new AssertionError("a negative count must be refused");
            } catch (InvalidSubmission invalid) {
                problems = invalid.problems();
            }
            List<String> sum = List.of("counts add up to 60 but the Human Rights Council has 47 members");

            Field vote = FormFields.of(List.of(HRC), Map.of(), problems, List.of()).get(0);
            Field whole = FormFields.of(List.of(HRC), Map.of(), sum, List.of()).get(0);

            assertThat(vote.vote().problemsOf("against")).singleElement().asString().contains("negative");
            assertThat(whole.problems()).isEqualTo(sum);
            assertThat(FormFields.unplaced(List.of(HRC), sum)).isEmpty();
        }
    }

    @Nested
    class Binding {

        @Test
        void numbers_and_yes_no_are_typed_blanks_are_left_out_and_unparseable_text_reaches_the_validator() {
            Map<String, Object> body = FormFields.bind(List.of(HELD, DATE, COUNT, NOTE),
                    form("held", "true", "date", "", "count", "7", "note", "  "));
            Map<String, Object> bad = FormFields.bind(List.of(COUNT), form("count", "seven"));

            assertThat(body).containsExactly(Map.entry("held", true), Map.entry("count", 7L));
            assertThat(bad).containsExactly(Map.entry("count", "seven"));
            assertThatThrownBy(() -> FieldValidator.validate("test", List.of(COUNT), bad, null, MEMBERSHIP))
                    .isInstanceOf(InvalidSubmission.class).hasMessageContaining("count must be a whole number");
        }

        @Test
        void a_list_of_names_keeps_the_filled_boxes_in_order() {
            Map<String, Object> body = FormFields.bind(List.of(CONVENERS),
                    form("conveners", " France ", "conveners", "", "conveners", "Australia"));

            assertThat(body).containsExactly(Map.entry("conveners", List.of("France", "Australia")));
        }

        @Test
        void a_counted_vote_binds_to_the_apis_vote_keys() {
            Map<String, Object> body = FormFields.bind(List.of(HRC), form("date", "2014-03-28",
                    "symbol", "A/HRC/RES/25/25", "inFavour", "30", "against", "6", "abstaining", "11"));

            assertThat(body).containsExactly(Map.entry("date", "2014-03-28"), Map.entry("symbol", "A/HRC/RES/25/25"),
                    Map.entry("inFavour", 30L), Map.entry("against", 6L), Map.entry("abstaining", 11L));
            assertThat(FieldValidator.validate("test", List.of(HRC), body, null, MEMBERSHIP).vote().vote().inFavour()).isEqualTo(30);
        }

        @Test
        void a_vote_adopted_without_a_vote_binds_the_flag_alone() {
            Map<String, Object> body = FormFields.bind(List.of(HRC),
                    form("date", "2014-03-28", "adoptedWithoutVote", "true"));

            assertThat(body).containsExactly(Map.entry("date", "2014-03-28"), Map.entry("adoptedWithoutVote", true));
        }

        @Test
        void a_council_resolution_binds_the_checked_permanent_members_and_the_members_votes_given() {
            Map<String, Object> body = FormFields.bind(List.of(COUNCIL), form("date", "2014-05-22",
                    "inFavour", "13", "against", "2", "abstaining", "0",
                    "permanentMembersAgainst", "China", "permanentMembersAgainst", "Russian Federation",
                    "votes.member", "China", "votes.vote", "NO",
                    "votes.member", "France", "votes.vote", "",
                    "votes.member", "Russian Federation", "votes.vote", "NO"));

            assertThat(body.get("permanentMembersAgainst")).isEqualTo(List.of("China", "Russian Federation"));
            assertThat(body.get("votes")).isEqualTo(Map.of("China", "NO", "Russian Federation", "NO"));
        }

        @Test
        void a_counted_council_resolution_with_no_permanent_member_checked_says_so_explicitly() {
            Map<String, Object> body = FormFields.bind(List.of(COUNCIL),
                    form("date", "2014-05-22", "inFavour", "15", "against", "0", "abstaining", "0"));

            assertThat(body.get("permanentMembersAgainst")).isEqualTo(List.of());
            assertThat(FieldValidator.validate("test", List.of(COUNCIL), body, null, MEMBERSHIP).vote().vote().inFavour())
                    .isEqualTo(15);
        }
    }
}
