package org.advocacy.engine.campaign;

/** A command that the campaign's rules do not allow; nothing is recorded. */
public class CampaignRefusal extends RuntimeException {

    public enum Reason {
        TASK_NOT_ACTIVE, CLAIMED_BY_ANOTHER, CAMPAIGN_CLOSED, CAMPAIGN_SUSPENDED, NOT_SUSPENDED, NO_VOTE_TO_DECIDE, INVALID
    }

    private final Reason reason;

    public CampaignRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static CampaignRefusal taskNotActive(String campaignId, String taskId) {
        return new CampaignRefusal(Reason.TASK_NOT_ACTIVE,
                "task " + taskId + " is not active in campaign " + campaignId);
    }
}
