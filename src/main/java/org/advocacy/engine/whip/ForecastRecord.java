package org.advocacy.engine.whip;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.campaign.RecordedVote;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.reference.UnMembership;
import org.advocacy.engine.votes.Forecast;
import org.advocacy.engine.votes.ForecastComparison;
import org.advocacy.engine.votes.Position;
import org.advocacy.engine.votes.Vote;
import org.advocacy.engine.votes.VoteReader;
import org.advocacy.engine.votes.VoteRule;
import org.advocacy.engine.workflow.VoteOutcomeDecision;
import org.springframework.stereotype.Service;

/**
 * How the forecasts fared: each recorded vote that had members' positions assessed before it,
 * compared with the forecast those positions gave at the time (kept with the vote), per campaign
 * and across campaigns by the year of the vote.
 */
@Service
public class ForecastRecord {

    private final CampaignViews campaigns;
    private final UnMembership membership;
    private final VoteOutcomeDecision decision;
    private final WhipCount whipCount;

    ForecastRecord(CampaignViews campaigns, UnMembership membership, VoteOutcomeDecision decision, WhipCount whipCount) {
        this.whipCount = whipCount;
        this.campaigns = campaigns;
        this.membership = membership;
        this.decision = decision;
    }

    /** One vote's forecast against its result. */
    public record Compared(String campaignId, String title, String voteKey, String label, String taskKey, VoteRule rule,
                           LocalDate date, String symbol, long sequence, Forecast forecast,
                           ForecastComparison comparison, double accuracy, boolean outcomeRight) {
    }

    /** The forecasts of one year's votes: how many, their mean accuracy, and how many outcomes they had right. */
    public record YearAccuracy(int year, int votes, double accuracy, int outcomesRight) {
    }

    /** Every compared vote, oldest first, then the figures by year and over all. */
    public record Accuracy(List<Compared> votes, List<YearAccuracy> byYear, int count, double accuracy,
                           int outcomesRight) {
    }

    /** A campaign's votes with their forecasts, and its forecasts compared with the votes recorded. */
    public record CampaignForecasts(List<WhipCount.VoteForecast> votes, List<Compared> compared, double accuracy) {
    }

    /** What the campaign's whip count says now, and how its forecasts fared. */
    public CampaignForecasts forecasts(CampaignSnapshot campaign) {
        List<Compared> compared = of(campaign);
        return new CampaignForecasts(whipCount.forecasts(campaign), compared, mean(compared));
    }

    /** The campaign's compared votes, in the order they were recorded. */
    public List<Compared> of(CampaignSnapshot campaign) {
        List<Compared> compared = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        whipCount.votes(campaign).forEach(vote -> labels.put(vote.voteKey(), vote.label()));
        for (RecordedVote recorded : campaign.votes()) {
            if (recorded.positions() == null) {
                continue;
            }
            VoteRule rule = VoteRule.named(recorded.rule()).orElse(null);
            if (rule == null) {
                continue;
            }
            Vote vote = VoteReader.read(rule, recorded.vote(), null);
            List<String> electorate = electorate(recorded, rule, vote);
            if (electorate.isEmpty()) {
                continue;
            }
            Map<String, Position> positions = new LinkedHashMap<>();
            recorded.positions().forEach((member, position) -> Position.named(position)
                    .ifPresent(named -> positions.put(member, named)));
            Forecast forecast = Forecast.of(rule, electorate, positions, decision);
            ForecastComparison comparison = ForecastComparison.of(forecast, electorate, positions, vote, recorded.outcome());
            compared.add(new Compared(campaign.id(), campaign.title(), recorded.outcomeKey(),
                    labels.getOrDefault(recorded.outcomeKey(), recorded.outcomeKey()), recorded.taskKey(), rule,
                    vote.date(), recorded.symbol(), recorded.sequence(), forecast, comparison, comparison.accuracy(),
                    comparison.outcomeRight()));
        }
        return compared;
    }

    /** Every campaign's compared votes, by the date of the vote, with the accuracy by year and over all. */
    public Accuracy accuracy() {
        List<Compared> all = new ArrayList<>();
        campaigns.withForecastVotes().forEach(campaign -> all.addAll(of(campaign)));
        all.sort(java.util.Comparator.comparing(Compared::date).thenComparing(Compared::campaignId)
                .thenComparingLong(Compared::sequence));
        Map<Integer, List<Compared>> byYear = new TreeMap<>();
        all.forEach(vote -> byYear.computeIfAbsent(vote.date().getYear(), year -> new ArrayList<>()).add(vote));
        List<YearAccuracy> years = new ArrayList<>();
        byYear.forEach((year, votes) -> years.add(new YearAccuracy(year, votes.size(), mean(votes), right(votes))));
        return new Accuracy(List.copyOf(all), List.copyOf(years), all.size(), mean(all), right(all));
    }

    /** Mean accuracy of the votes, 0 to 1; 0 for none. */
    private static double mean(List<Compared> votes) {
        return votes.stream().mapToDouble(Compared::accuracy).average().orElse(0);
    }

    private static int right(List<Compared> votes) {
        return (int) votes.stream().filter(Compared::outcomeRight).count();
    }

    /**
     * Who voted, as the whip count knew it: the electorate entered before the vote; a Council vote
     * counted without one, the Council of the vote's year; the General Assembly, its member states.
     */
    private List<String> electorate(RecordedVote recorded, VoteRule rule, Vote vote) {
        if (recorded.electorate() != null) {
            return recorded.electorate().members();
        }
        if (rule.council()) {
            return membership.councilMembers(vote.date().getYear());
        }
        return rule == VoteRule.hrc ? List.of() : membership.memberStates();
    }
}
