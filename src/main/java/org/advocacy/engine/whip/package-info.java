/**
 * The whip count: members' expected positions in a campaign's votes, recorded as events of the
 * campaign, and the forecast they give under the voting body's own rule (votes/Forecast, decided
 * by the vote-outcome decision).
 */
package org.advocacy.engine.whip;
