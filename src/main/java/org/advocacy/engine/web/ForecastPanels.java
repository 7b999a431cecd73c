package org.advocacy.engine.web;

import java.util.Optional;

import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.whip.ForecastRecord;
import org.advocacy.engine.whip.PathWarnings;
import org.advocacy.engine.whip.WhipCount;
import org.advocacy.engine.whip.WhipCount.CampaignVote;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the campaign page and a task's form show of the whip count (fragments/forecast.html). */
@Component
class ForecastPanels {

    private final WhipCount whipCount;
    private final ForecastRecord record;
    private final PathWarnings warnings;

    ForecastPanels(WhipCount whipCount, ForecastRecord record, PathWarnings warnings) {
        this.whipCount = whipCount;
        this.record = record;
        this.warnings = warnings;
    }

    /** The campaign page: every vote of its template with its forecast, and the forecasts against the results. */
    void forCampaign(CampaignSnapshot campaign, Model model) {
        ForecastRecord.CampaignForecasts forecasts = record.forecasts(campaign);
        model.addAttribute("campaignId", campaign.id());
        model.addAttribute("votePanels", forecasts.votes());
        model.addAttribute("compared", forecasts.compared());
        model.addAttribute("campaignAccuracy", forecasts.accuracy());
    }

    /** A task's form: the forecast of the vote it records or names, and what it warns of. */
    void forTask(CampaignSnapshot campaign, String taskKey, Model model) {
        Optional<CampaignVote> vote = warnings.voteOf(campaign, taskKey);
        model.addAttribute("campaignId", campaign.id());
        model.addAttribute("taskVote", vote.orElse(null));
        model.addAttribute("taskForecast", vote.flatMap(named -> whipCount.forecast(campaign, named, null)).orElse(null));
        model.addAttribute("taskWarnings", warnings.before(campaign, taskKey));
    }
}
