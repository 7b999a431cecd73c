package org.advocacy.engine.votes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The vote-outcome decision table alone (SPEC §4), on the standalone DMN engine. */
class VoteOutcomeDecisionTest {

    private static final List<String> MAJORITY_RULES = List.of("hrc", "thirdCommittee", "plenary");

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheDecision() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream file = VoteOutcomeDecisionTest.class.getResourceAsStream("/processes/vote-outcome.dmn")) {
            assertThat(file).as("processes/vote-outcome.dmn on the classpath").isNotNull();
            decision = dmn.parseDecision("vote-outcome", file);
        }
    }

    /** A vote as the engine hands it to the decision. */
    record Vote(String rule, boolean adoptedWithoutVote, int inFavour, int against, int abstaining,
                int permanentMembersAgainst) {

        static Vote counted(String rule, int inFavour, int against, int abstaining) {
            return new Vote(rule, false, inFavour, against, abstaining, 0);
        }

        static Vote council(String rule, int inFavour, int against, int abstaining, int permanentMembersAgainst) {
            return new Vote(rule, false, inFavour, against, abstaining, permanentMembersAgainst);
        }

        static Vote withoutVote(String rule) {
            return new Vote(rule, true, 0, 0, 0, 0);
        }

        VariableMap variables() {
            return Variables.createVariables()
                    .putValue("voteRule", rule)
                    .putValue("adoptedWithoutVote", adoptedWithoutVote)
                    .putValue("inFavour", inFavour)
                    .putValue("against", against)
                    .putValue("abstaining", abstaining)
                    .putValue("permanentMembersAgainstCount", permanentMembersAgainst);
        }
    }

    private static DmnDecisionTableResult evaluate(Vote vote) {
        return dmn.evaluateDecisionTable(decision, vote.variables());
    }

    private static Arguments row(String name, Vote vote, String outcome) {
        return arguments(named(name, vote), outcome);
    }

    static Stream<Arguments> votes() {
        List<Arguments> rows = new ArrayList<>();
        for (String rule : MAJORITY_RULES) {
            rows.add(row(rule + ": a tie 20-20 is rejected", Vote.counted(rule, 20, 20, 7), "REJECTED"));
            rows.add(row(rule + ": 0-0 with only abstentions is rejected", Vote.counted(rule, 0, 0, 40), "REJECTED"));
            rows.add(row(rule + ": one more in favour than against, 21-20, is adopted", Vote.counted(rule, 21, 20, 6), "ADOPTED"));
            rows.add(row(rule + ": more abstentions than votes in favour, 10-9-28, is adopted", Vote.counted(rule, 10, 9, 28), "ADOPTED"));
            rows.add(row(rule + ": adopted without a vote", Vote.withoutVote(rule), "ADOPTED"));
        }
        rows.add(row("hrc: the 2014 vote 30-6-11 is adopted", Vote.counted("hrc", 30, 6, 11), "ADOPTED"));
        rows.add(row("hrc: 15-20-12 is rejected", Vote.counted("hrc", 15, 20, 12), "REJECTED"));
        rows.add(row("thirdCommittee: the 2014 vote 111-19-55 is adopted", Vote.counted("thirdCommittee", 111, 19, 55), "ADOPTED"));
        rows.add(row("plenary: the 2014 vote 116-20-53 is adopted", Vote.counted("plenary", 116, 20, 53), "ADOPTED"));

        rows.add(row("councilAgenda: exactly 9 in favour is adopted", Vote.council("councilAgenda", 9, 0, 6, 0), "ADOPTED"));
        rows.add(row("councilAgenda: 8 in favour is rejected", Vote.council("councilAgenda", 8, 0, 7, 0), "REJECTED"));
        rows.add(row("councilAgenda: 9 with 2 permanent members against is adopted, no veto on procedure",
                Vote.council("councilAgenda", 9, 6, 0, 2), "ADOPTED"));
        rows.add(row("councilAgenda: the 2014 vote 11-2-2, China and Russia against, is adopted",
                Vote.council("councilAgenda", 11, 2, 2, 2), "ADOPTED"));
        rows.add(row("councilAgenda: 8-7 with more in favour than against is still rejected",
                Vote.council("councilAgenda", 8, 7, 0, 0), "REJECTED"));
        rows.add(row("councilAgenda: adopted without a vote", Vote.withoutVote("councilAgenda"), "ADOPTED"));

        rows.add(row("councilResolution: 9 with no permanent member against is adopted",
                Vote.council("councilResolution", 9, 3, 3, 0), "ADOPTED"));
        rows.add(row("councilResolution: 9 with a permanent member against is vetoed",
                Vote.council("councilResolution", 9, 1, 5, 1), "VETOED"));
        rows.add(row("councilResolution: 13-2 with 2 permanent members against is vetoed",
                Vote.council("councilResolution", 13, 2, 0, 2), "VETOED"));
        rows.add(row("councilResolution: 8 with a permanent member against is rejected, not vetoed",
                Vote.council("councilResolution", 8, 1, 6, 1), "REJECTED"));
        rows.add(row("councilResolution: 8 with no permanent member against is rejected",
                Vote.council("councilResolution", 8, 0, 7, 0), "REJECTED"));
        rows.add(row("councilResolution: a permanent member abstaining with 9 in favour is adopted",
                Vote.council("councilResolution", 9, 0, 6, 0), "ADOPTED"));
        rows.add(row("councilResolution: 15 in favour, unanimous, is adopted",
                Vote.council("councilResolution", 15, 0, 0, 0), "ADOPTED"));
        rows.add(row("councilResolution: adopted without a vote", Vote.withoutVote("councilResolution"), "ADOPTED"));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("votes")
    void decides_the_outcome(Vote vote, String outcome) {
        DmnDecisionTableResult result = evaluate(vote);

        assertThat(result).as("exactly one rule matches").hasSize(1);
        assertThat((String) result.getSingleEntry()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "unknown rule \"{0}\" matches no rule")
    @ValueSource(strings = {"councilProcedural", "HRC", "securityCouncil", ""})
    void an_unknown_rule_matches_no_rule(String rule) {
        assertThat(evaluate(Vote.counted(rule, 30, 6, 11))).isEmpty();
        assertThat(evaluate(Vote.withoutVote(rule))).isEmpty();
    }

    /**
     * UNIQUE hit policy: around every threshold, one rule and only one matches (the engine throws on
     * two). Kept small: the FEEL engine takes milliseconds per evaluation.
     */
    @Test
    void every_vote_around_the_thresholds_matches_exactly_one_rule() {
        for (String rule : MAJORITY_RULES) {
            for (int inFavour = 0; inFavour <= 3; inFavour++) {
                for (int against = 0; against <= 3; against++) {
                    assertThat(evaluate(Vote.counted(rule, inFavour, against, 2))).hasSize(1);
                }
            }
        }
        for (String rule : List.of("councilAgenda", "councilResolution")) {
            for (int inFavour = 7; inFavour <= 10; inFavour++) {
                for (int permanentAgainst = 0; permanentAgainst <= 2; permanentAgainst++) {
                    assertThat(evaluate(Vote.council(rule, inFavour, 15 - inFavour, 0, permanentAgainst))).hasSize(1);
                }
            }
        }
    }
}
