package org.advocacy.engine.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.advocacy.engine.campaign.CampaignEvent.VoteCast;
import org.advocacy.engine.votes.Outcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of a campaign. Each command records one step or refuses it. */
public sealed interface CampaignCommand {

    String campaignId();

    record LaunchCampaign(String campaignId, String template, String title, Map<String, Object> fields,
                          LocalDate origin) implements CampaignCommand {
    }

    record OpenTask(@TargetAggregateIdentifier String campaignId, String taskId, String taskKey, String name,
                    String forum, String role, Instant due) implements CampaignCommand {
    }

    record ClaimTask(@TargetAggregateIdentifier String campaignId, String taskId, String user) implements CampaignCommand {
    }

    /** A manager gives the task to {@code assignee}, whoever held it. */
    record AssignTask(@TargetAggregateIdentifier String campaignId, String taskId, String assignee)
            implements CampaignCommand {
    }

    /** {@code user} gives the task back; {@code override} when a manager takes it from its assignee. */
    record ReleaseTask(@TargetAggregateIdentifier String campaignId, String taskId, String user, boolean override)
            implements CampaignCommand {
    }

    /** {@code vote} is set when the step casts a vote whose outcome the rules decide next. */
    record CompleteStep(@TargetAggregateIdentifier String campaignId, String taskId, String user,
                        Map<String, Object> fields, VoteCast vote) implements CampaignCommand {
    }

    /** The rules' outcome for the vote cast for {@code outcomeKey} and not decided yet. */
    record DecideVote(@TargetAggregateIdentifier String campaignId, String outcomeKey, Outcome outcome)
            implements CampaignCommand {
    }

    record RecordOutcome(@TargetAggregateIdentifier String campaignId, String outcomeKey, Outcome outcome,
                         String reason) implements CampaignCommand {
    }

    record RaiseEscalation(@TargetAggregateIdentifier String campaignId, String escalationId, String name)
            implements CampaignCommand {
    }

    /** Records the reminder of a task whose due date is near, once; nothing when it is no longer open. */
    record RemindOfTask(@TargetAggregateIdentifier String campaignId, String taskId) implements CampaignCommand {
    }

    /** Records that an open task's due date passed, once; nothing when it is no longer open or not due. */
    record MarkTaskOverdue(@TargetAggregateIdentifier String campaignId, String taskId, Instant now)
            implements CampaignCommand {
    }

    record CancelTask(@TargetAggregateIdentifier String campaignId, String taskId, String reason)
            implements CampaignCommand {
    }

    record CloseCampaign(@TargetAggregateIdentifier String campaignId) implements CampaignCommand {
    }

    record RecordTemplateMigration(@TargetAggregateIdentifier String campaignId, String processKey, int fromVersion,
                                   int toVersion) implements CampaignCommand {
    }

    /** One member's assessed position; the command records those that change what the campaign holds. */
    record Assessment(String member, String position, String note, String source) {
    }

    /**
     * Records the positions that change what the campaign holds, after entering {@code electorate}
     * when it is given and differs from the one held (null keeps it).
     */
    record AssessPositions(@TargetAggregateIdentifier String campaignId, String voteKey, Electorate electorate,
                           java.util.List<Assessment> assessments) implements CampaignCommand {
    }

    record SuspendCampaign(@TargetAggregateIdentifier String campaignId, String reason) implements CampaignCommand {
    }

    record ResumeCampaign(@TargetAggregateIdentifier String campaignId) implements CampaignCommand {
    }

    record CancelCampaign(@TargetAggregateIdentifier String campaignId, String reason) implements CampaignCommand {
    }
}
