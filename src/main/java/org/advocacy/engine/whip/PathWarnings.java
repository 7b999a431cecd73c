package org.advocacy.engine.whip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.templates.TaskForm;
import org.advocacy.engine.votes.Forecast;
import org.advocacy.engine.whip.WhipCount.CampaignVote;
import org.advocacy.engine.whip.WhipCount.ForecastView;
import org.springframework.stereotype.Component;

/**
 * Warnings on the campaign's path, which never refuse a step: a task whose template names a vote
 * ({@code forecast}) shows what the forecast says against it (short of nine, a veto risk, a tie, no
 * count yet); a task that names the vote's backers ({@code backers}, a names field) warns when
 * fewer are named than the vote needs to pass.
 */
@Component
public class PathWarnings {

    private final WhipCount whipCount;

    PathWarnings(WhipCount whipCount) {
        this.whipCount = whipCount;
    }

    /** The vote a task shows the forecast of: the one its template names, or the task's own vote field. */
    public Optional<CampaignVote> voteOf(CampaignSnapshot campaign, String taskKey) {
        Optional<TaskForm> task = whipCount.task(campaign, taskKey);
        Optional<String> voteKey = task.map(TaskForm::forecast)
                .or(() -> task.flatMap(TaskForm::voteField).map(field -> field.id()));
        return voteKey.flatMap(key -> whipCount.votes(campaign).stream().filter(vote -> vote.voteKey().equals(key))
                .findFirst());
    }

    /** What the forecast warns of before the task is done; nothing for a task that names no vote. */
    public List<String> before(CampaignSnapshot campaign, String taskKey) {
        Optional<TaskForm> task = whipCount.task(campaign, taskKey);
        if (task.isEmpty() || task.get().forecast() == null) {
            return List.of();
        }
        Optional<CampaignVote> vote = voteOf(campaign, taskKey);
        if (vote.isEmpty()) {
            return List.of();
        }
        Optional<ForecastView> forecast = whipCount.forecast(campaign, vote.get(), null);
        if (forecast.isEmpty() || forecast.get().positions().isEmpty()) {
            return List.of("no whip count yet for the " + vote.get().label() + ": nobody knows whether it will pass");
        }
        return against(forecast.get());
    }

    /**
     * What the submitted fields of {@code form} warn of: fewer backers named than the vote needs.
     * Only a form that names its backers costs a look at the template: every other step, the most,
     * pays nothing on its write path.
     */
    public List<String> after(CampaignSnapshot campaign, TaskForm form, Map<String, Object> fields) {
        if (form.backers() == null || fields == null || !(fields.get(form.backers()) instanceof List<?> named)) {
            return List.of();
        }
        Optional<CampaignVote> vote = voteOf(campaign, form.key());
        if (vote.isEmpty() || !vote.get().rule().council() || named.size() >= Forecast.COUNCIL_MAJORITY) {
            return List.of();
        }
        return List.of("only " + named.size() + " backer" + (named.size() == 1 ? "" : "s") + " named: the "
                + vote.get().label() + " needs " + Forecast.COUNCIL_MAJORITY + " in favour, "
                + (Forecast.COUNCIL_MAJORITY - named.size()) + " more");
    }

    /** The forecast's warnings: what it needs to pass under the body's rule, the Council's count of backers first. */
    static List<String> against(ForecastView view) {
        Forecast forecast = view.forecast();
        List<String> warnings = new ArrayList<>();
        for (String change : forecast.changes()) {
            if (view.rule().council() && change.endsWith("more yes needed")) {
                warnings.add("fewer than " + Forecast.COUNCIL_MAJORITY + " backers forecast: "
                        + forecast.likely().inFavour() + " likely in favour, " + change);
            } else {
                warnings.add(change);
            }
        }
        return warnings;
    }
}
