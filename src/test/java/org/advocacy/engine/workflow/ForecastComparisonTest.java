package org.advocacy.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.votes.Forecast;
import org.advocacy.engine.votes.ForecastComparison;
import org.advocacy.engine.votes.ForecastComparison.Method;
import org.advocacy.engine.votes.MemberVote;
import org.advocacy.engine.votes.Outcome;
import org.advocacy.engine.votes.Position;
import org.advocacy.engine.votes.Vote;
import org.advocacy.engine.votes.VoteRule;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A forecast set against the vote recorded: member by member where the vote lists each member's
 * vote, by counts otherwise, by outcome when adopted without a vote; forecast by the deployed
 * vote-outcome decision.
 */
@Deployment(resources = "processes/vote-outcome.dmn")
class ForecastComparisonTest extends CampaignProcessTest {

    private static final List<String> COUNCIL = List.of("China", "France", "Russian Federation", "United Kingdom",
            "United States", "Chad", "Nigeria");

    private VoteOutcomeDecision decision;

    @BeforeEach
    void theDecision() {
        decision = new VoteOutcomeDecision(engine.getDecisionService());
    }

    @Test
    void member_by_member_a_leaning_counts_with_its_side_an_undecided_member_as_abstaining_and_an_absence_as_no_vote() {
        Map<String, Position> positions = new LinkedHashMap<>();
        positions.put("China", Position.LEANING_NO);
        positions.put("France", Position.YES);
        positions.put("Russian Federation", Position.NO);
        positions.put("United Kingdom", Position.LEANING_YES);
        positions.put("United States", Position.YES);
        positions.put("Chad", Position.ABSENT);
        // Nigeria not assessed: undecided, which the likely count takes as not voting either way
        Map<String, MemberVote> cast = new LinkedHashMap<>();
        cast.put("China", MemberVote.NO);
        cast.put("France", MemberVote.YES);
        cast.put("Russian Federation", MemberVote.NO);
        cast.put("United Kingdom", MemberVote.YES);
        cast.put("United States", MemberVote.YES);
        cast.put("Nigeria", MemberVote.ABSTAIN);
        Vote vote = new Vote(VoteRule.councilAgenda, LocalDate.of(2014, 12, 22), null, false, 3, 2, 1,
                List.of("China", "Russian Federation"), cast);

        ForecastComparison right = compare(VoteRule.councilAgenda, positions, vote);
        assertThat(right.method()).isEqualTo(Method.PER_MEMBER);
        assertThat(right.compared()).isEqualTo(7);
        assertThat(right.matched()).isEqualTo(7);
        assertThat(right.accuracy()).isEqualTo(1.0);

        positions.put("Chad", Position.YES);
        positions.put("China", Position.ABSTAIN);
        ForecastComparison twoWrong = compare(VoteRule.councilAgenda, positions, vote);
        assertThat(twoWrong.matched()).isEqualTo(5);
        assertThat(twoWrong.misses()).containsExactly("China: expected ABSTAIN, voted NO", "Chad: expected YES, did not vote");
    }

    @Test
    void by_counts_the_votes_placed_on_the_side_forecast_over_the_larger_total_and_the_outcome_compared() {
        List<String> members = List.of("A", "B", "C", "D", "E");
        Map<String, Position> positions = Map.of("A", Position.YES, "B", Position.YES, "C", Position.LEANING_NO,
                "D", Position.UNDECIDED, "E", Position.NO);
        Vote vote = new Vote(VoteRule.hrc, LocalDate.of(2014, 3, 28), null, false, 3, 1, 1, List.of(), Map.of());
        Forecast forecast = Forecast.of(VoteRule.hrc, members, positions, decision);
        ForecastComparison counted = ForecastComparison.of(forecast, members, positions, vote, Outcome.ADOPTED);
        assertThat(counted.method()).isEqualTo(Method.BY_COUNTS);
        // forecast 2-2-1 against 3-1-1: 2 + 1 + 1 placed of 5
        assertThat(counted.matched()).isEqualTo(4);
        assertThat(counted.compared()).isEqualTo(5);
        assertThat(counted.forecastOutcome()).isEqualTo(Outcome.REJECTED);
        assertThat(counted.outcomeRight()).isFalse();
        assertThat(counted.misses()).containsExactly("in favour: forecast 2, recorded 3", "against: forecast 2, recorded 1");
    }

    @Test
    void a_vote_adopted_without_a_vote_is_compared_by_its_outcome() {
        List<String> members = List.of("A", "B", "C");
        Vote adopted = new Vote(VoteRule.hrc, LocalDate.of(2016, 3, 23), null, true, 0, 0, 0, List.of(), Map.of());
        ForecastComparison yes = ForecastComparison.of(Forecast.of(VoteRule.hrc, members,
                Map.of("A", Position.YES), decision), members, Map.of("A", Position.YES), adopted, Outcome.ADOPTED);
        assertThat(yes.method()).isEqualTo(Method.BY_OUTCOME);
        assertThat(yes.accuracy()).isEqualTo(1.0);
        ForecastComparison no = ForecastComparison.of(Forecast.of(VoteRule.hrc, members, Map.of(), decision), members,
                Map.of(), adopted, Outcome.ADOPTED);
        assertThat(no.accuracy()).isZero();
        assertThat(no.misses()).containsExactly("forecast REJECTED, adopted without a vote");
    }

    private ForecastComparison compare(VoteRule rule, Map<String, Position> positions, Vote vote) {
        Forecast forecast = Forecast.of(rule, COUNCIL, positions, decision);
        return ForecastComparison.of(forecast, COUNCIL, positions, vote, Outcome.ADOPTED);
    }
}
