package org.advocacy.engine.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.advocacy.engine.votes.DocumentSymbols;
import org.advocacy.engine.votes.Outcome;
import org.axonframework.serialization.Revision;

/**
 * Everything that happens to a campaign, as past-tense facts. A stored event's class name and
 * fields are a contract: evolve them with a revision and an upcaster, never by renaming.
 * Who did it, when, and in which process instance and task travel as the event's metadata.
 */
public sealed interface CampaignEvent {

    String campaignId();

    /** A campaign was started from a template with the template's start fields. */
    record CampaignLaunched(String campaignId, String template, String title,
                            Map<String, Object> fields, LocalDate origin) implements CampaignEvent {
    }

    /** A user task became active; {@code role} is who may complete it. */
    record TaskOpened(String campaignId, String taskId, String taskKey, String name, String forum,
                      String role, Instant due) implements CampaignEvent {
    }

    record TaskClaimed(String campaignId, String taskId, String taskKey, String assignee) implements CampaignEvent {
    }

    /** A manager gave a task to a user; {@code previousAssignee} is who had it, or null. */
    record TaskAssigned(String campaignId, String taskId, String taskKey, String assignee, String previousAssignee)
            implements CampaignEvent {
    }

    /** The task's assignee gave it back (or a manager took it back): anyone of its role may claim it again. */
    record TaskReleased(String campaignId, String taskId, String taskKey, String previousAssignee)
            implements CampaignEvent {
    }

    /**
     * A task was completed with its validated fields. {@code vote} names the vote that the step
     * cast, whose outcome the rules decide next; it is null for steps without a vote.
     */
    record StepCompleted(String campaignId, String taskId, String taskKey, String forum,
                         Map<String, Object> fields, VoteCast vote) implements CampaignEvent {
    }

    /**
     * The rules decided a vote: the vote as recorded and the outcome they gave. Revision 2 adds
     * {@code symbol}, the vote's document symbol normalised (see DocumentSymbols); revision 1
     * events gain it through an upcaster.
     */
    @Revision("2")
    record VoteRecorded(String campaignId, String taskId, String taskKey, String outcomeKey, String rule,
                        Map<String, Object> vote, Outcome outcome, String symbol) implements CampaignEvent {

        /** The vote's own symbol, normalised, becomes the event's. */
        public VoteRecorded(String campaignId, String taskId, String taskKey, String outcomeKey, String rule,
                            Map<String, Object> vote, Outcome outcome) {
            this(campaignId, taskId, taskKey, outcomeKey, rule, vote, outcome,
                    DocumentSymbols.normalise(vote == null ? null : vote.get("symbol")));
        }
    }

    /** An outcome that follows from the path rather than from a vote (a meeting that was not held). */
    record OutcomeRecorded(String campaignId, String outcomeKey, Outcome outcome, String reason) implements CampaignEvent {
    }

    /** A deadline passed and the template escalates (the out-of-cycle proposal after six months). */
    record EscalationRaised(String campaignId, String escalationId, String name) implements CampaignEvent {
    }

    /** A task's due date is near: recorded once, a configured time before it (the reminder). */
    record TaskDueSoon(String campaignId, String taskId, String taskKey, Instant due) implements CampaignEvent {
    }

    /** A task's due date passed while it was open: recorded once, an escalation of the path. */
    record TaskOverdue(String campaignId, String taskId, String taskKey, Instant due) implements CampaignEvent {
    }

    /** A task stopped being active without being completed. */
    record TaskCancelled(String campaignId, String taskId, String taskKey, String reason) implements CampaignEvent {
    }

    record CampaignClosed(String campaignId, Map<String, Outcome> outcomes) implements CampaignEvent {
    }

    /** An ADMIN moved the campaign's running process of {@code processKey} to a newer version of its template. */
    record TemplateMigrated(String campaignId, String processKey, int fromVersion, int toVersion) implements CampaignEvent {
    }

    /**
     * A coordinator's assessment of how a member will vote in the vote of {@code voteKey} (a vote
     * field's id): YES, LEANING_YES, UNDECIDED, ABSTAIN, LEANING_NO, NO or ABSENT, with an optional
     * note and source. Each change is one event, so the history shows how the count moved.
     */
    record PositionAssessed(String campaignId, String voteKey, String member, String position, String note,
                            String source) implements CampaignEvent {
    }

    /**
     * Who votes in the vote of {@code voteKey}: the Security Council of {@code year} with its members
     * then, or the Human Rights Council's members entered for the campaign. Positions count only for
     * the members of the electorate last entered.
     */
    record ElectorateEntered(String campaignId, String voteKey, Integer year, java.util.List<String> members)
            implements CampaignEvent {
    }

    /** A manager halted the campaign: its tasks cannot be claimed or completed and its timers wait. */
    record CampaignSuspended(String campaignId, String reason) implements CampaignEvent {
    }

    /** A manager let a suspended campaign go on. */
    record CampaignResumed(String campaignId) implements CampaignEvent {
    }

    /** A manager ended the campaign before its path did; its open tasks are cancelled after this. */
    record CampaignCancelled(String campaignId, String reason) implements CampaignEvent {
    }

    /** Which outcome a step's vote decides and under which rule of the vote-outcome decision. */
    record VoteCast(String outcomeKey, String rule) {
    }
}
