package org.advocacy.engine.campaign;

public enum CampaignStatus { ACTIVE, CLOSED }
