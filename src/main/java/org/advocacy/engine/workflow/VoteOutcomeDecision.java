package org.advocacy.engine.workflow;

import org.advocacy.engine.votes.Outcome;
import org.advocacy.engine.votes.OutcomeRule;
import org.advocacy.engine.votes.VoteCounts;
import org.advocacy.engine.votes.VoteRule;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The vote-outcome decision of processes/vote-outcome.dmn, as the workflow calls it after every
 * recorded vote, for counts that no vote recorded yet (a forecast): one rule for both.
 */
@Component
public class VoteOutcomeDecision implements OutcomeRule {

    static final String DECISION = TemplateChecks.VOTE_DECISION;

    private final DecisionService decisions;

    public VoteOutcomeDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Outcome decide(VoteRule rule, VoteCounts counts) {
        Object outcome = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
                        .putValue("voteRule", rule.name())
                        .putValue("adoptedWithoutVote", false)
                        .putValue("inFavour", counts.inFavour())
                        .putValue("against", counts.against())
                        .putValue("abstaining", counts.abstaining())
                        .putValue("permanentMembersAgainstCount", counts.permanentMembersAgainst()))
                .getSingleResult().getSingleEntry();
        return Outcome.valueOf(outcome.toString());
    }
}
