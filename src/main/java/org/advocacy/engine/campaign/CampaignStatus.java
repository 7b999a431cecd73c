package org.advocacy.engine.campaign;

/** ACTIVE and SUSPENDED campaigns may go on; CLOSED ones ended on their path, CANCELLED ones by a manager. */
public enum CampaignStatus {
    ACTIVE, SUSPENDED, CLOSED, CANCELLED;

    /** Whether nothing more can happen to the campaign. */
    public boolean ended() {
        return this == CLOSED || this == CANCELLED;
    }
}
