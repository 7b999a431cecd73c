/**
 * Starting campaigns and reading them over HTTP (/api/campaigns).
 */
package org.advocacy.engine.campaign.api;
