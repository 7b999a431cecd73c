/**
 * The campaign domain: the Campaign aggregate, its commands and events, its refusals, and the one fold of its events (CampaignProgress). Free of Spring, Camunda and web types.
 */
package org.advocacy.engine.campaign;
