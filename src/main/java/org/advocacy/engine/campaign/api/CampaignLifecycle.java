package org.advocacy.engine.campaign.api;

import org.advocacy.engine.campaign.CampaignCommand.CancelCampaign;
import org.advocacy.engine.campaign.CampaignCommand.ResumeCampaign;
import org.advocacy.engine.campaign.CampaignCommand.SuspendCampaign;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.platform.CampaignCommandGateway;
import org.advocacy.engine.platform.Forbidden;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.workflow.Workflow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager suspends, resumes or cancels a campaign. The event is recorded first (the campaign
 * refuses it when it cannot be done, and nothing is written), then the workflow follows in the
 * same transaction: suspended, activated, or ended with its open tasks cancelled.
 */
@Service
public class CampaignLifecycle {

    static final int LONGEST_REASON = 2000;

    private final CampaignCommandGateway commands;
    private final Workflow workflow;
    private final CampaignViews views;

    CampaignLifecycle(CampaignCommandGateway commands, Workflow workflow, CampaignViews views) {
        this.commands = commands;
        this.workflow = workflow;
        this.views = views;
    }

    @Transactional
    public void suspend(String campaignId, String reason) {
        requireManager(campaignId);
        commands.send(new SuspendCampaign(campaignId, bounded(reason)), null, null);
        workflow.suspend(campaignId);
    }

    @Transactional
    public void resume(String campaignId) {
        requireManager(campaignId);
        commands.send(new ResumeCampaign(campaignId), null, null);
        workflow.resume(campaignId);
    }

    @Transactional
    public void cancel(String campaignId, String reason) {
        requireManager(campaignId);
        String given = bounded(reason);
        commands.send(new CancelCampaign(campaignId, given), null, null);
        workflow.cancel(campaignId, "campaign cancelled by " + Actors.current() + ": " + given.strip());
    }

    private void requireManager(String campaignId) {
        if (!Actors.roles().contains("MANAGER")) {
            throw new Forbidden("only a MANAGER suspends, resumes or cancels a campaign");
        }
        if (views.current(campaignId).isEmpty()) {
            throw new NotFound("no campaign has the id " + campaignId);
        }
    }

    private static String bounded(String reason) {
        if (reason != null && reason.strip().length() > LONGEST_REASON) {
            throw new org.advocacy.engine.platform.BadRequest("a reason has at most " + LONGEST_REASON + " characters");
        }
        return reason == null ? "" : reason;
    }
}
