package org.advocacy.engine.whip;

import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.advocacy.engine.campaign.AssessedPosition;
import org.advocacy.engine.campaign.CampaignCommand.AssessPositions;
import org.advocacy.engine.campaign.CampaignCommand.Assessment;
import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.campaign.Electorate;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.CampaignCommandGateway;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.reference.UnMembership;
import org.advocacy.engine.templates.FieldType;
import org.advocacy.engine.templates.FieldValidator;
import org.advocacy.engine.templates.InvalidSubmission;
import org.advocacy.engine.templates.TaskForm;
import org.advocacy.engine.votes.Forecast;
import org.advocacy.engine.votes.Position;
import org.advocacy.engine.votes.VoteRule;
import org.advocacy.engine.workflow.TemplateCatalog;
import org.advocacy.engine.workflow.VoteOutcomeDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records members' expected positions in one of a campaign's votes (a vote field of its template)
 * and forecasts that vote. Who votes: the Security Council of the vote's year (the reference
 * data's members then, entered for the vote), the General Assembly's member states, and for the
 * Human Rights Council, whose membership changes every year, its 47 members entered per campaign.
 */
@Service
public class WhipCount {

    static final int LONGEST_NOTE = 2000;
    static final int LONGEST_SOURCE = 500;
    /** The Human Rights Council's seats. */
    static final int HRC_SEATS = VoteRule.hrc.members();

    private final CampaignViews campaigns;
    private final TemplateCatalog templates;
    private final CampaignCommandGateway commands;
    private final UnMembership membership;
    private final VoteOutcomeDecision decision;

    WhipCount(CampaignViews campaigns, TemplateCatalog templates, CampaignCommandGateway commands, UnMembership membership,
              VoteOutcomeDecision decision) {
        this.campaigns = campaigns;
        this.templates = templates;
        this.commands = commands;
        this.membership = membership;
        this.decision = decision;
    }

    /** A vote of a campaign's template: its key (the vote field's id), label, rule and the task that records it. */
    public record CampaignVote(String voteKey, String label, VoteRule rule, String taskKey, String taskName) {
    }

    /**
     * A forecast as the API answers it; {@code year} is the Council's year (or the HRC session's,
     * when entered), {@code electorate} the number of members who vote.
     */
    public record ForecastView(String voteKey, String label, VoteRule rule, String body, Integer year, int electorate,
                               Forecast forecast, List<String> members, List<String> unassessed,
                               Map<String, AssessedPosition> positions) {
    }

    /** One of the campaign's votes with its forecast; null while nobody knows who votes. */
    public record VoteForecast(CampaignVote vote, ForecastView forecast) {
    }

    /** Every vote of the campaign's template with its forecast. */
    public List<VoteForecast> forecasts(CampaignSnapshot campaign) {
        return votes(campaign).stream().map(vote -> new VoteForecast(vote, forecast(campaign, vote, null).orElse(null)))
                .toList();
    }

    /** The votes of the campaign's template, in the order of its tasks. */
    public List<CampaignVote> votes(CampaignSnapshot campaign) {
        List<CampaignVote> votes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        templates.template(campaign.template()).ifPresent(template -> template.tasks().forEach(task ->
                task.fields().stream().filter(field -> field.type() == FieldType.VOTE && seen.add(field.id()))
                        .forEach(field -> votes.add(new CampaignVote(field.id(), field.label(), FieldValidator.rule(field),
                                task.key(), task.name())))));
        return votes;
    }

    /** The vote of {@code voteKey} in the campaign's template; 404 when it has none. */
    public CampaignVote vote(CampaignSnapshot campaign, String voteKey) {
        return votes(campaign).stream().filter(vote -> vote.voteKey().equals(voteKey)).findFirst()
                .orElseThrow(() -> new NotFound("the template " + campaign.template() + " has no vote " + voteKey));
    }

    /**
     * Records the positions of {@code positions} ({@code [{member, position, note, source}]});
     * nothing when one is wrong. For a Council vote, {@code year} enters the Council of that year
     * as the electorate (needed once, and again when the vote's year changes).
     */
    @Transactional
    public void assess(String campaignId, String voteKey, Integer year, List<Map<String, Object>> positions) {
        CampaignSnapshot campaign = campaign(campaignId);
        VoteRule rule = vote(campaign, voteKey).rule();
        if (positions == null || positions.isEmpty()) {
            throw new BadRequest("give positions: [{\"member\": ..., \"position\": ...}], one or more");
        }
        Electorate entered = year != null ? councilOf(rule, year) : impliedCouncil(campaign, rule, voteKey);
        List<String> electorate = entered != null ? entered.members() : electorate(campaign, rule, voteKey)
                .orElseThrow(() -> new BadRequest(missingElectorate(rule)));
        List<String> problems = new ArrayList<>();
        List<Assessment> assessments = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (Map<String, Object> entry : positions) {
            Object member = entry == null ? null : entry.get("member");
            Object position = entry == null ? null : entry.get("position");
            String note = text(entry, "note", LONGEST_NOTE, problems);
            String source = text(entry, "source", LONGEST_SOURCE, problems);
            if (!(member instanceof String name) || !electorate.contains(name)) {
                problems.add(member + " is no member who votes in " + rule.body()
                        + (rule.council() ? " in " + yearOf(campaign, voteKey, entered) : " here"));
                continue;
            }
            if (!named.add(name)) {
                problems.add(name + " is given twice");
                continue;
            }
            if (!(position instanceof String text) || Position.named(text).isEmpty()) {
                problems.add("the position of " + name + " is one of " + Arrays.toString(Position.values()) + ", not " + position);
                continue;
            }
            assessments.add(new Assessment(name, text, note, source));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(problems);
        }
        commands.send(new AssessPositions(campaignId, voteKey, entered, assessments), null, null);
    }

    /**
     * Enters who votes: for a Council vote the Council of {@code year}; for the Human Rights Council
     * its {@code members} (47 member states, each once) and optionally the session's year. The
     * General Assembly's members are its member states, with nothing to enter.
     */
    @Transactional
    public void enter(String campaignId, String voteKey, Integer year, List<String> members) {
        CampaignSnapshot campaign = campaign(campaignId);
        VoteRule rule = vote(campaign, voteKey).rule();
        Electorate electorate;
        if (rule.council()) {
            if (year == null || members != null) {
                throw new BadRequest("a Security Council vote's members are those of its year: give only year, one of "
                        + membership.councilYears());
            }
            electorate = councilOf(rule, year);
        } else if (rule == VoteRule.hrc) {
            electorate = new Electorate(sessionYear(year), hrcMembers(members));
        } else {
            throw new BadRequest(rule.body() + " votes with its " + membership.memberStates().size()
                    + " member states: there is nobody to enter");
        }
        commands.send(new AssessPositions(campaignId, voteKey, electorate, List.of()), null, null);
    }

    /** The forecast of the vote of {@code voteKey}; {@code year} asks for another Council year's members. */
    public ForecastView forecast(String campaignId, String voteKey, Integer year) {
        CampaignSnapshot campaign = campaign(campaignId);
        CampaignVote vote = vote(campaign, voteKey);
        return forecast(campaign, vote, year).orElseThrow(() -> new BadRequest(missingElectorate(vote.rule())));
    }

    /** The forecast, or empty while nobody knows who votes (a Council vote without its year, an HRC vote without members). */
    public Optional<ForecastView> forecast(CampaignSnapshot campaign, CampaignVote vote, Integer year) {
        VoteRule rule = vote.rule();
        Electorate asked = year == null ? null : councilOf(rule, year);
        Optional<List<String>> known = asked != null ? Optional.of(asked.members())
                : electorate(campaign, rule, vote.voteKey());
        if (known.isEmpty()) {
            return Optional.empty();
        }
        List<String> electorate = known.get();
        Map<String, AssessedPosition> assessed = campaign.positions().getOrDefault(vote.voteKey(), Map.of());
        Map<String, AssessedPosition> counted = new LinkedHashMap<>();
        Map<String, Position> positions = new LinkedHashMap<>();
        for (String member : electorate) {
            AssessedPosition position = assessed.get(member);
            if (position != null) {
                counted.put(member, position);
                positions.put(member, Position.valueOf(position.position()));
            }
        }
        Forecast forecast = Forecast.of(rule, electorate, positions, decision);
        Integer shownYear = asked != null ? asked.year() : yearOf(campaign, vote.voteKey(), null);
        return Optional.of(new ForecastView(vote.voteKey(), vote.label(), rule, rule.body(), shownYear,
                electorate.size(), forecast, electorate, Forecast.unassessed(electorate, positions), counted));
    }

    /** The Council years the reference data knows, for choosing a Council vote's year. */
    public List<Integer> councilYears() {
        return membership.councilYears();
    }

    /** The member states by their short names, for entering the HRC's members. */
    public List<String> memberStates() {
        return membership.memberStates();
    }

    /** The tasks of the campaign's template, by key. */
    Optional<TaskForm> task(CampaignSnapshot campaign, String taskKey) {
        return templates.template(campaign.template()).flatMap(template -> template.task(taskKey));
    }

    /** The campaign now; 404 when there is none. */
    public CampaignSnapshot campaign(String campaignId) {
        return campaigns.current(campaignId).orElseThrow(() -> new NotFound("no campaign has the id " + campaignId));
    }

    /** Who votes as the campaign knows it: the electorate entered, or for the General Assembly its member states. */
    private Optional<List<String>> electorate(CampaignSnapshot campaign, VoteRule rule, String voteKey) {
        Electorate entered = campaign.electorates().get(voteKey);
        if (entered != null) {
            return Optional.of(entered.members());
        }
        if (rule.council()) {
            return currentCouncil(rule).map(Electorate::members);
        }
        return rule == VoteRule.hrc ? Optional.empty() : Optional.of(membership.memberStates());
    }

    /** A Council vote with no electorate entered counts the Council of this year, when known: entered as such. */
    private Electorate impliedCouncil(CampaignSnapshot campaign, VoteRule rule, String voteKey) {
        return rule.council() && !campaign.electorates().containsKey(voteKey) ? currentCouncil(rule).orElse(null) : null;
    }

    /** The Security Council of the current year, when the reference data knows it. */
    private Optional<Electorate> currentCouncil(VoteRule rule) {
        int now = Year.now().getValue();
        return membership.councilYears().contains(now) ? Optional.of(councilOf(rule, now)) : Optional.empty();
    }

    private Integer yearOf(CampaignSnapshot campaign, String voteKey, Electorate entered) {
        if (entered != null) {
            return entered.year();
        }
        Electorate known = campaign.electorates().get(voteKey);
        if (known != null) {
            return known.year();
        }
        VoteRule rule = vote(campaign, voteKey).rule();
        return rule.council() ? currentCouncil(rule).map(Electorate::year).orElse(null) : null;
    }

    private String missingElectorate(VoteRule rule) {
        if (rule.council()) {
            return "enter the vote's year first (year, one of " + membership.councilYears()
                    + "): the Security Council's members change every year";
        }
        return "enter the Human Rights Council's " + HRC_SEATS + " members for this vote first: its membership changes every year";
    }

    private Electorate councilOf(VoteRule rule, int year) {
        if (!rule.council()) {
            throw new BadRequest("year chooses a Security Council's members; " + rule.body() + " does not take one here");
        }
        if (!membership.councilYears().contains(year)) {
            throw new BadRequest("the Security Council's members are known for " + membership.councilYears() + ", not " + year);
        }
        return new Electorate(year, membership.councilMembers(year));
    }

    private static Integer sessionYear(Integer year) {
        if (year != null && (year < 2006 || year > 2100)) {
            throw new BadRequest("the Human Rights Council first met in 2006: the session's year is from 2006, not " + year);
        }
        return year;
    }

    private List<String> hrcMembers(List<String> members) {
        if (members == null) {
            throw new BadRequest("give members: the Human Rights Council's " + HRC_SEATS + " members at this vote");
        }
        List<String> problems = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        Set<String> states = Set.copyOf(membership.memberStates());
        for (String member : members) {
            if (member == null || !states.contains(member)) {
                problems.add(member + " is not a member state's short name");
            } else if (!distinct.add(member)) {
                problems.add(member + " is given twice");
            }
        }
        if (problems.isEmpty() && distinct.size() != HRC_SEATS) {
            problems.add("the Human Rights Council has " + HRC_SEATS + " members, not " + distinct.size());
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(problems);
        }
        return List.copyOf(distinct);
    }

    private static String text(Map<String, Object> entry, String name, int longest, List<String> problems) {
        Object value = entry == null ? null : entry.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.strip().length() > longest || text.chars().anyMatch(Character::isISOControl)) {
            problems.add(name + " is a text of at most " + longest + " characters");
            return null;
        }
        return text.strip().isEmpty() ? null : text.strip();
    }
}
