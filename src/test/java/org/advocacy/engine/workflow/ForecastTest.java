package org.advocacy.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.votes.Forecast;
import org.advocacy.engine.votes.Outcome;
import org.advocacy.engine.votes.Position;
import org.advocacy.engine.votes.VoteRule;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A vote forecast from members' positions at every boundary of the rules, decided by the very
 * vote-outcome decision that decides recorded votes (deployed in the process engine).
 */
@Deployment(resources = "processes/vote-outcome.dmn")
class ForecastTest extends CampaignProcessTest {

    /** The Security Council of December 2014 (S/PV.7353). */
    private static final List<String> COUNCIL_2014 = List.of("Argentina", "Australia", "Chad", "Chile", "China",
            "France", "Jordan", "Lithuania", "Luxembourg", "Nigeria", "Republic of Korea", "Russian Federation",
            "Rwanda", "United Kingdom", "United States");

    private VoteOutcomeDecision decision;

    @BeforeEach
    void theDecision() {
        decision = new VoteOutcomeDecision(engine.getDecisionService());
    }

    @Test
    void a_procedural_vote_passes_with_nine_in_favour_and_fails_with_eight_saying_one_more_is_needed() {
        Forecast nine = forecast(VoteRule.councilAgenda, council(9, Map.of("China", Position.NO, "Russian Federation", Position.NO)));
        assertThat(nine.likelyOutcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(nine.margin()).isZero();
        assertThat(nine.changes()).isEmpty();

        Forecast eight = forecast(VoteRule.councilAgenda, council(8, Map.of("China", Position.NO)));
        assertThat(eight.likelyOutcome()).isEqualTo(Outcome.REJECTED);
        assertThat(eight.margin()).isEqualTo(-1);
        assertThat(eight.changes()).containsExactly("1 more yes needed");
    }

    @Test
    void a_permanent_member_at_no_vetoes_a_substantive_vote_and_one_that_abstains_does_not() {
        Forecast vetoed = forecast(VoteRule.councilResolution, council(11,
                Map.of("China", Position.NO, "Russian Federation", Position.NO)));
        assertThat(vetoed.likelyOutcome()).isEqualTo(Outcome.VETOED);
        assertThat(vetoed.changes()).containsExactly("veto risk: China at NO, Russian Federation at NO");

        Forecast abstaining = forecast(VoteRule.councilResolution, council(11,
                Map.of("China", Position.ABSTAIN, "Russian Federation", Position.ABSTAIN)));
        assertThat(abstaining.likelyOutcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(abstaining.changes()).isEmpty();
    }

    @Test
    void short_of_nine_and_vetoed_both_say_so_and_the_rules_decide_the_outcome() {
        Forecast both = forecast(VoteRule.councilResolution, council(7, Map.of("Russian Federation", Position.LEANING_NO)));
        assertThat(both.changes()).containsExactly("2 more yes needed", "veto risk: Russian Federation at LEANING_NO");
        assertThat(both.likelyOutcome()).isIn(Outcome.REJECTED, Outcome.VETOED);
        assertThat(both.likelyPasses()).isFalse();
        // a leaning is likely, not firm: the firm count has no veto
        assertThat(both.firm().permanentMembersAgainst()).isZero();
        assertThat(both.likely().permanentMembersAgainst()).isEqualTo(1);
    }

    @Test
    void a_tie_fails_in_the_human_rights_council_and_the_general_assembly_and_abstentions_never_count() {
        List<String> hrc = members(47);
        Map<String, Position> tie = positions(hrc, 20, 20);
        Forecast hrcTie = forecast(VoteRule.hrc, hrc, tie);
        assertThat(hrcTie.likelyOutcome()).isEqualTo(Outcome.REJECTED);
        assertThat(hrcTie.changes()).containsExactly("1 more yes needed (or 1 fewer no): a tie fails");

        List<String> ga = members(193);
        Forecast gaByOne = forecast(VoteRule.plenary, ga, positions(ga, 20, 19));
        assertThat(gaByOne.likelyOutcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(gaByOne.margin()).isEqualTo(1);
        assertThat(gaByOne.likely().abstaining()).isEqualTo(193 - 39);
        assertThat(forecast(VoteRule.plenary, ga, positions(ga, 19, 20)).likelyOutcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void leanings_count_as_likely_but_not_as_firm_and_absences_count_nowhere() {
        Map<String, Position> positions = new LinkedHashMap<>();
        COUNCIL_2014.subList(0, 5).forEach(member -> positions.put(member, Position.YES));
        COUNCIL_2014.subList(5, 8).forEach(member -> positions.put(member, Position.LEANING_YES));
        COUNCIL_2014.subList(8, 11).forEach(member -> positions.put(member, Position.ABSENT));

        Forecast forecast = forecast(VoteRule.councilAgenda, COUNCIL_2014, positions);

        assertThat(forecast.firm().inFavour()).isEqualTo(5);
        assertThat(forecast.firmOutcome()).isEqualTo(Outcome.REJECTED);
        assertThat(forecast.likely().inFavour()).isEqualTo(8);
        assertThat(forecast.likelyOutcome()).isEqualTo(Outcome.REJECTED);
        assertThat(forecast.changes()).containsExactly("1 more yes needed");
        // the four not assessed count as undecided: neither for nor against
        assertThat(forecast.likely().abstaining()).isEqualTo(4);
        assertThat(Forecast.unassessed(COUNCIL_2014, positions)).hasSize(4);
    }

    private Forecast forecast(VoteRule rule, Map<String, Position> positions) {
        return forecast(rule, COUNCIL_2014, positions);
    }

    private Forecast forecast(VoteRule rule, List<String> electorate, Map<String, Position> positions) {
        return Forecast.of(rule, electorate, positions, decision);
    }

    /** The 2014 Council: the given members as said, then YES for {@code yes} others, the rest abstaining. */
    private static Map<String, Position> council(int yes, Map<String, Position> given) {
        Map<String, Position> positions = new LinkedHashMap<>(given);
        int placed = 0;
        for (String member : COUNCIL_2014) {
            if (!positions.containsKey(member)) {
                positions.put(member, placed++ < yes ? Position.YES : Position.ABSTAIN);
            }
        }
        return positions;
    }

    private static List<String> members(int count) {
        List<String> members = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            members.add("Member " + number);
        }
        return members;
    }

    private static Map<String, Position> positions(List<String> members, int yes, int no) {
        Map<String, Position> positions = new LinkedHashMap<>();
        for (int index = 0; index < members.size(); index++) {
            positions.put(members.get(index), index < yes ? Position.YES : index < yes + no ? Position.NO : Position.ABSTAIN);
        }
        return positions;
    }
}
