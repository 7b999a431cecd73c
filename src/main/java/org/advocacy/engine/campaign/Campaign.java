package org.advocacy.engine.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.advocacy.engine.campaign.CampaignCommand.AssessPositions;
import org.advocacy.engine.campaign.CampaignCommand.AssignTask;
import org.advocacy.engine.campaign.CampaignCommand.CancelCampaign;
import org.advocacy.engine.campaign.CampaignCommand.RecordTemplateMigration;
import org.advocacy.engine.campaign.CampaignCommand.ResumeCampaign;
import org.advocacy.engine.campaign.CampaignCommand.SuspendCampaign;
import org.advocacy.engine.campaign.CampaignCommand.CancelTask;
import org.advocacy.engine.campaign.CampaignCommand.ClaimTask;
import org.advocacy.engine.campaign.CampaignCommand.CloseCampaign;
import org.advocacy.engine.campaign.CampaignCommand.CompleteStep;
import org.advocacy.engine.campaign.CampaignCommand.DecideVote;
import org.advocacy.engine.campaign.CampaignCommand.LaunchCampaign;
import org.advocacy.engine.campaign.CampaignCommand.OpenTask;
import org.advocacy.engine.campaign.CampaignCommand.RaiseEscalation;
import org.advocacy.engine.campaign.CampaignCommand.RecordOutcome;
import org.advocacy.engine.campaign.CampaignCommand.ReleaseTask;
import org.advocacy.engine.campaign.CampaignCommand.RemindOfTask;
import org.advocacy.engine.campaign.CampaignCommand.MarkTaskOverdue;
import org.advocacy.engine.campaign.CampaignEvent.CampaignCancelled;
import org.advocacy.engine.campaign.CampaignEvent.CampaignClosed;
import org.advocacy.engine.campaign.CampaignEvent.CampaignResumed;
import org.advocacy.engine.campaign.CampaignEvent.CampaignSuspended;
import org.advocacy.engine.campaign.CampaignEvent.CampaignLaunched;
import org.advocacy.engine.campaign.CampaignEvent.ElectorateEntered;
import org.advocacy.engine.campaign.CampaignEvent.EscalationRaised;
import org.advocacy.engine.campaign.CampaignEvent.OutcomeRecorded;
import org.advocacy.engine.campaign.CampaignEvent.PositionAssessed;
import org.advocacy.engine.campaign.CampaignEvent.StepCompleted;
import org.advocacy.engine.campaign.CampaignEvent.TaskAssigned;
import org.advocacy.engine.campaign.CampaignEvent.TaskCancelled;
import org.advocacy.engine.campaign.CampaignEvent.TaskClaimed;
import org.advocacy.engine.campaign.CampaignEvent.TaskOpened;
import org.advocacy.engine.campaign.CampaignEvent.TaskReleased;
import org.advocacy.engine.campaign.CampaignEvent.TaskDueSoon;
import org.advocacy.engine.campaign.CampaignEvent.TaskOverdue;
import org.advocacy.engine.campaign.CampaignEvent.TemplateMigrated;
import org.advocacy.engine.campaign.CampaignEvent.VoteRecorded;
import org.advocacy.engine.votes.VoteRule;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A campaign: validates each command against where the campaign stands, then records it as an
 * event. State changes only in the event-sourcing handler, through {@link CampaignProgress}.
 */
public class Campaign {

    @AggregateIdentifier
    private String campaignId;
    private CampaignProgress progress;
    /** Votes cast and not decided yet, by outcome key; the parallel tracks may each have one. */
    private final Map<String, StepCompleted> votesPending = new LinkedHashMap<>();

    protected Campaign() {
        // for Axon
    }

    @CommandHandler
    public Campaign(LaunchCampaign command) {
        if (command.title() == null || command.title().isBlank()) {
            throw new CampaignRefusal(CampaignRefusal.Reason.INVALID, "a campaign needs a title");
        }
        apply(new CampaignLaunched(command.campaignId(), command.template(), command.title().strip(),
                command.fields(), command.origin()));
    }

    @CommandHandler
    public void handle(OpenTask command) {
        refuseWhenClosed();
        if (progress.activeTask(command.taskId()) != null) {
            return;
        }
        apply(new TaskOpened(campaignId, command.taskId(), command.taskKey(), command.name(), command.forum(),
                command.role(), command.due()));
    }

    @CommandHandler
    public void handle(ClaimTask command) {
        ActiveTask task = activeTask(command.taskId());
        if (command.user().equals(task.assignee())) {
            return;
        }
        refuseWhenClaimedByAnother(task, command.user());
        apply(new TaskClaimed(campaignId, task.id(), task.key(), command.user()));
    }

    @CommandHandler
    public void handle(AssignTask command) {
        ActiveTask task = activeTask(command.taskId());
        if (command.assignee() == null || command.assignee().isBlank()) {
            throw new CampaignRefusal(CampaignRefusal.Reason.INVALID, "name the user to assign task " + task.key() + " to");
        }
        if (command.assignee().equals(task.assignee())) {
            return;
        }
        apply(new TaskAssigned(campaignId, task.id(), task.key(), command.assignee(), task.assignee()));
    }

    @CommandHandler
    public void handle(ReleaseTask command) {
        ActiveTask task = activeTask(command.taskId());
        if (task.assignee() == null) {
            return;
        }
        if (!command.override()) {
            refuseWhenClaimedByAnother(task, command.user());
        }
        apply(new TaskReleased(campaignId, task.id(), task.key(), task.assignee()));
    }

    @CommandHandler
    public void handle(CompleteStep command) {
        ActiveTask task = activeTask(command.taskId());
        refuseWhenClaimedByAnother(task, command.user());
        if (command.vote() != null && VoteRule.named(command.vote().rule()).isEmpty()) {
            throw new CampaignRefusal(CampaignRefusal.Reason.INVALID, "no vote rule is named " + command.vote().rule());
        }
        if (command.vote() != null && (command.vote().outcomeKey() == null || command.vote().outcomeKey().isBlank())) {
            throw new CampaignRefusal(CampaignRefusal.Reason.INVALID, "a vote needs the key of the outcome it decides");
        }
        Map<String, Object> fields = command.fields() == null ? Map.of() : command.fields();
        apply(new StepCompleted(campaignId, task.id(), task.key(), task.forum(), fields, command.vote()));
    }

    @CommandHandler
    public void handle(DecideVote command) {
        refuseWhenClosed();
        StepCompleted votePending = votesPending.get(command.outcomeKey());
        if (votePending == null) {
            throw new CampaignRefusal(CampaignRefusal.Reason.NO_VOTE_TO_DECIDE,
                    "campaign " + campaignId + " has no " + command.outcomeKey() + " vote awaiting its outcome");
        }
        VoteRule rule = VoteRule.named(votePending.vote().rule()).orElseThrow();
        Map<String, Object> vote = new LinkedHashMap<>();
        votePending.fields().forEach((key, value) -> {
            if (rule.acceptedKeys().contains(key)) {
                vote.put(key, value);
            }
        });
        apply(new VoteRecorded(campaignId, votePending.taskId(), votePending.taskKey(),
                votePending.vote().outcomeKey(), rule.name(), vote, command.outcome()));
    }

    @CommandHandler
    public void handle(RecordOutcome command) {
        refuseWhenClosed();
        apply(new OutcomeRecorded(campaignId, command.outcomeKey(), command.outcome(), command.reason()));
    }

    @CommandHandler
    public void handle(RaiseEscalation command) {
        refuseWhenClosed();
        apply(new EscalationRaised(campaignId, command.escalationId(), command.name()));
    }

    @CommandHandler
    public void handle(RemindOfTask command) {
        ActiveTask task = progress.activeTask(command.taskId());
        if (task != null && task.due() != null && progress.status() == CampaignStatus.ACTIVE
                && !progress.reminded(task.id())) {
            apply(new TaskDueSoon(campaignId, task.id(), task.key(), task.due()));
        }
    }

    @CommandHandler
    public void handle(MarkTaskOverdue command) {
        ActiveTask task = progress.activeTask(command.taskId());
        if (task != null && task.due() != null && progress.status() == CampaignStatus.ACTIVE
                && !task.due().isAfter(command.now()) && !task.overdue()) {
            apply(new TaskOverdue(campaignId, task.id(), task.key(), task.due()));
        }
    }

    @CommandHandler
    public void handle(CancelTask command) {
        ActiveTask task = progress.activeTask(command.taskId());
        if (task != null) {
            apply(new TaskCancelled(campaignId, task.id(), task.key(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(CloseCampaign command) {
        if (progress.status() == CampaignStatus.ACTIVE) {
            apply(new CampaignClosed(campaignId, progress.outcomes()));
        }
    }

    @CommandHandler
    public void handle(AssessPositions command) {
        refuseWhenClosed();
        Electorate electorate = command.electorate();
        if (electorate != null && !electorate.equals(progress.electorate(command.voteKey()))) {
            apply(new ElectorateEntered(campaignId, command.voteKey(), electorate.year(), electorate.members()));
        }
        for (CampaignCommand.Assessment assessment : command.assessments()) {
            AssessedPosition held = progress.position(command.voteKey(), assessment.member());
            AssessedPosition now = new AssessedPosition(assessment.position(), assessment.note(), assessment.source());
            if (!now.equals(held)) {
                apply(new PositionAssessed(campaignId, command.voteKey(), assessment.member(), assessment.position(),
                        assessment.note(), assessment.source()));
            }
        }
    }

    @CommandHandler
    public void handle(RecordTemplateMigration command) {
        refuseWhenClosed();
        apply(new TemplateMigrated(campaignId, command.processKey(), command.fromVersion(), command.toVersion()));
    }

    @CommandHandler
    public void handle(SuspendCampaign command) {
        refuseWhenClosed();
        if (progress.status() == CampaignStatus.SUSPENDED) {
            throw suspended();
        }
        apply(new CampaignSuspended(campaignId, requiredReason(command.reason(), "suspending")));
    }

    @CommandHandler
    public void handle(ResumeCampaign command) {
        refuseWhenClosed();
        if (progress.status() != CampaignStatus.SUSPENDED) {
            throw new CampaignRefusal(CampaignRefusal.Reason.NOT_SUSPENDED, "campaign " + campaignId + " is not suspended");
        }
        apply(new CampaignResumed(campaignId));
    }

    @CommandHandler
    public void handle(CancelCampaign command) {
        refuseWhenClosed();
        apply(new CampaignCancelled(campaignId, requiredReason(command.reason(), "cancelling")));
    }

    @EventSourcingHandler
    void on(CampaignEvent event, @SequenceNumber Long sequence, @Timestamp Instant occurredAt) {
        if (event instanceof CampaignLaunched launched) {
            campaignId = launched.campaignId();
            progress = new CampaignProgress();
        }
        progress.apply(event, sequence, occurredAt);
        if (event instanceof StepCompleted completed && completed.vote() != null) {
            votesPending.put(completed.vote().outcomeKey(), completed);
        } else if (event instanceof VoteRecorded recorded) {
            votesPending.remove(recorded.outcomeKey());
        }
    }

    private ActiveTask activeTask(String taskId) {
        refuseWhenClosed();
        if (progress.status() == CampaignStatus.SUSPENDED) {
            throw suspended();
        }
        ActiveTask task = progress.activeTask(taskId);
        if (task == null) {
            throw CampaignRefusal.taskNotActive(campaignId, taskId);
        }
        return task;
    }

    private void refuseWhenClaimedByAnother(ActiveTask task, String user) {
        if (task.assignee() != null && !task.assignee().equals(user)) {
            throw new CampaignRefusal(CampaignRefusal.Reason.CLAIMED_BY_ANOTHER,
                    "task " + task.key() + " is claimed by " + task.assignee());
        }
    }

    private void refuseWhenClosed() {
        if (progress.status() == CampaignStatus.CLOSED) {
            throw new CampaignRefusal(CampaignRefusal.Reason.CAMPAIGN_CLOSED, "campaign " + campaignId + " is closed");
        }
        if (progress.status() == CampaignStatus.CANCELLED) {
            throw new CampaignRefusal(CampaignRefusal.Reason.CAMPAIGN_CLOSED,
                    "campaign " + campaignId + " was cancelled: " + progress.statusReason());
        }
    }

    private CampaignRefusal suspended() {
        return new CampaignRefusal(CampaignRefusal.Reason.CAMPAIGN_SUSPENDED, "campaign " + campaignId
                + " is suspended (" + progress.statusReason() + "): a manager resumes it before its tasks go on");
    }

    private static String requiredReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new CampaignRefusal(CampaignRefusal.Reason.INVALID, "give the reason for " + what + " the campaign");
        }
        return reason.strip();
    }
}
