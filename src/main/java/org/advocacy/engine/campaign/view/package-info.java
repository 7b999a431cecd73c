/**
 * The campaign read model: a projection of the events into campaign_view, the queries on it, and the campaign as it stood at any past event, folded from the event store.
 */
package org.advocacy.engine.campaign.view;
