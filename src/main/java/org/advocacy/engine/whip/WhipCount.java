package org.advocacy.engine.whip;

import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.campaign.AssessedPosition;
import org.advocacy.engine.campaign.CampaignCommand.AssessPositions;
import org.advocacy.engine.campaign.CampaignCommand.Assessment;
import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.CampaignCommandGateway;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.reference.UnMembership;
import org.advocacy.engine.templates.FieldSpec;
import org.advocacy.engine.templates.FieldType;
import org.advocacy.engine.templates.FieldValidator;
import org.advocacy.engine.templates.InvalidSubmission;
import org.advocacy.engine.votes.Forecast;
import org.advocacy.engine.votes.Position;
import org.advocacy.engine.votes.VoteRule;
import org.advocacy.engine.workflow.TemplateCatalog;
import org.advocacy.engine.workflow.VoteOutcomeDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records members' expected positions in one of a campaign's votes (a vote field of its template)
 * and forecasts that vote. Who may vote: the Security Council of the year asked (the reference
 * data's), the General Assembly's member states, and for the Human Rights Council, whose
 * membership changes every year, the member states assessed for the vote (its 47 members).
 */
@Service
public class WhipCount {

    static final int LONGEST_NOTE = 2000;
    static final int LONGEST_SOURCE = 500;

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

    /** A forecast as the API answers it. */
    public record ForecastView(String voteKey, VoteRule rule, String body, Integer year, int electorate,
                               Forecast forecast, List<String> unassessed, Map<String, AssessedPosition> positions) {
    }

    /** Records the positions of {@code body.positions} ({@code [{member, position, note, source}]}); nothing when one is wrong. */
    @Transactional
    public void assess(String campaignId, String voteKey, Integer year, List<Map<String, Object>> positions) {
        CampaignSnapshot campaign = campaign(campaignId);
        VoteRule rule = rule(campaign, voteKey);
        if (positions == null || positions.isEmpty()) {
            throw new BadRequest("give positions: [{\"member\": ..., \"position\": ...}], one or more");
        }
        List<String> electorate = rule == VoteRule.hrc ? membership.memberStates() : electorate(rule, year, campaign, voteKey);
        List<String> problems = new ArrayList<>();
        List<Assessment> assessments = new ArrayList<>();
        for (Map<String, Object> entry : positions) {
            Object member = entry == null ? null : entry.get("member");
            Object position = entry == null ? null : entry.get("position");
            String note = text(entry, "note", LONGEST_NOTE, problems);
            String source = text(entry, "source", LONGEST_SOURCE, problems);
            if (!(member instanceof String name) || !electorate.contains(name)) {
                problems.add(member + " is no member who votes under the " + rule.name() + " rule"
                        + (rule.council() ? " in " + year(rule, year) : ""));
                continue;
            }
            if (!(position instanceof String named) || Arrays.stream(Position.values()).noneMatch(p -> p.name().equals(named))) {
                problems.add("the position of " + name + " is one of " + Arrays.toString(Position.values()) + ", not " + position);
                continue;
            }
            assessments.add(new Assessment(name, (String) position, note, source));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(problems);
        }
        commands.send(new AssessPositions(campaignId, voteKey, assessments), null, null);
    }

    public ForecastView forecast(String campaignId, String voteKey, Integer year) {
        CampaignSnapshot campaign = campaign(campaignId);
        VoteRule rule = rule(campaign, voteKey);
        Map<String, AssessedPosition> assessed = campaign.positions().getOrDefault(voteKey, Map.of());
        List<String> electorate = electorate(rule, year, campaign, voteKey);
        Map<String, Position> positions = new LinkedHashMap<>();
        assessed.forEach((member, position) -> positions.put(member, Position.valueOf(position.position())));
        Forecast forecast = Forecast.of(rule, electorate, positions, decision);
        return new ForecastView(voteKey, rule, rule.body(), rule.council() ? year(rule, year) : null, electorate.size(),
                forecast, Forecast.unassessed(electorate, positions), assessed);
    }

    /** Who votes: the Council of the year, the General Assembly's states, or the HRC members assessed for this vote. */
    private List<String> electorate(VoteRule rule, Integer year, CampaignSnapshot campaign, String voteKey) {
        if (rule.council()) {
            return membership.councilMembers(year(rule, year));
        }
        if (rule == VoteRule.hrc) {
            return List.copyOf(campaign.positions().getOrDefault(voteKey, Map.of()).keySet());
        }
        return membership.memberStates();
    }

    private int year(VoteRule rule, Integer year) {
        int asked = year != null ? year : Year.now().getValue();
        if (!membership.councilYears().contains(asked)) {
            throw new BadRequest("the Security Council's members are known for " + membership.councilYears()
                    + ": give the vote's year as year=" + (year == null ? "" : " (not " + year + ")"));
        }
        return asked;
    }

    private VoteRule rule(CampaignSnapshot campaign, String voteKey) {
        return templates.template(campaign.template()).stream().flatMap(template -> template.tasks().stream())
                .flatMap(task -> task.fields().stream())
                .filter(field -> field.type() == FieldType.VOTE && field.id().equals(voteKey))
                .map(FieldSpec.class::cast).map(FieldValidator::rule).findFirst()
                .orElseThrow(() -> new NotFound("the template " + campaign.template() + " has no vote " + voteKey));
    }

    private CampaignSnapshot campaign(String campaignId) {
        return campaigns.current(campaignId).orElseThrow(() -> new NotFound("no campaign has the id " + campaignId));
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
