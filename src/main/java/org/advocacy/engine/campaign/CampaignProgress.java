package org.advocacy.engine.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.advocacy.engine.campaign.CampaignEvent.CampaignCancelled;
import org.advocacy.engine.campaign.CampaignEvent.CampaignClosed;
import org.advocacy.engine.campaign.CampaignEvent.PositionAssessed;
import org.advocacy.engine.campaign.CampaignEvent.ElectorateEntered;
import org.advocacy.engine.campaign.CampaignEvent.TaskDueSoon;
import org.advocacy.engine.campaign.CampaignEvent.TaskOverdue;
import org.advocacy.engine.campaign.CampaignEvent.CampaignResumed;
import org.advocacy.engine.campaign.CampaignEvent.CampaignSuspended;
import org.advocacy.engine.campaign.CampaignEvent.CampaignLaunched;
import org.advocacy.engine.campaign.CampaignEvent.EscalationRaised;
import org.advocacy.engine.campaign.CampaignEvent.OutcomeRecorded;
import org.advocacy.engine.campaign.CampaignEvent.StepCompleted;
import org.advocacy.engine.campaign.CampaignEvent.TaskAssigned;
import org.advocacy.engine.campaign.CampaignEvent.TaskCancelled;
import org.advocacy.engine.campaign.CampaignEvent.TaskClaimed;
import org.advocacy.engine.campaign.CampaignEvent.TaskOpened;
import org.advocacy.engine.campaign.CampaignEvent.TaskReleased;
import org.advocacy.engine.campaign.CampaignEvent.VoteRecorded;
import org.advocacy.engine.votes.Outcome;

/**
 * Where a campaign stands, folded from its events. The one fold behind the aggregate's state,
 * the campaign read model and the campaign as it stood at any past event, so the three agree.
 */
public final class CampaignProgress {

    private String campaignId;
    private String template;
    private String title;
    private Map<String, Object> fields = Map.of();
    private LocalDate origin;
    private CampaignStatus status = CampaignStatus.ACTIVE;
    private String statusReason;
    private final Set<String> remindedTasks = new HashSet<>();
    private final Map<String, Map<String, AssessedPosition>> positions = new LinkedHashMap<>();
    private final Map<String, Electorate> electorates = new LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private final Map<String, ActiveTask> activeTasks = new LinkedHashMap<>();
    private final List<String> escalations = new ArrayList<>();
    private final List<CompletedStep> steps = new ArrayList<>();
    private final List<RecordedVote> votes = new ArrayList<>();
    private Instant launchedAt;
    private Instant updatedAt;
    private long lastSequence = -1;

    public static CampaignProgress of(CampaignSnapshot snapshot) {
        CampaignProgress progress = new CampaignProgress();
        progress.campaignId = snapshot.id();
        progress.template = snapshot.template();
        progress.title = snapshot.title();
        progress.fields = snapshot.fields();
        progress.origin = snapshot.origin();
        progress.status = snapshot.status();
        progress.statusReason = snapshot.statusReason();
        snapshot.positions().forEach((vote, members) -> progress.positions.put(vote, new LinkedHashMap<>(members)));
        progress.electorates.putAll(snapshot.electorates());
        progress.outcomes.putAll(snapshot.outcomes());
        snapshot.activeTasks().forEach(task -> progress.activeTasks.put(task.id(), task));
        progress.escalations.addAll(snapshot.escalations());
        progress.steps.addAll(snapshot.steps());
        progress.votes.addAll(snapshot.votes());
        progress.launchedAt = snapshot.launchedAt();
        progress.updatedAt = snapshot.updatedAt();
        progress.lastSequence = snapshot.lastSequence();
        return progress;
    }

    /** Folds one event, the {@code sequence}-th of the campaign, which happened at {@code occurredAt}. */
    public CampaignProgress apply(CampaignEvent event, long sequence, Instant occurredAt) {
        if (event instanceof CampaignLaunched launched) {
            campaignId = launched.campaignId();
            template = launched.template();
            title = launched.title();
            fields = launched.fields();
            origin = launched.origin();
            launchedAt = occurredAt;
        } else if (event instanceof TaskOpened opened) {
            activeTasks.put(opened.taskId(), new ActiveTask(opened.taskId(), opened.taskKey(), opened.name(),
                    opened.forum(), opened.role(), null, occurredAt, opened.due()));
        } else if (event instanceof TaskClaimed claimed) {
            activeTasks.computeIfPresent(claimed.taskId(), (id, task) -> task.claimedBy(claimed.assignee()));
        } else if (event instanceof TaskAssigned assigned) {
            activeTasks.computeIfPresent(assigned.taskId(), (id, task) -> task.claimedBy(assigned.assignee()));
        } else if (event instanceof TaskReleased released) {
            activeTasks.computeIfPresent(released.taskId(), (id, task) -> task.claimedBy(null));
        } else if (event instanceof StepCompleted completed) {
            activeTasks.remove(completed.taskId());
            steps.add(new CompletedStep(completed.taskId(), completed.taskKey(), completed.forum(), completed.fields(),
                    occurredAt, sequence));
        } else if (event instanceof TaskCancelled cancelled) {
            activeTasks.remove(cancelled.taskId());
        } else if (event instanceof VoteRecorded vote) {
            outcomes.put(vote.outcomeKey(), vote.outcome());
            Map<String, AssessedPosition> assessed = positions.get(vote.outcomeKey());
            Map<String, String> then = null;
            if (assessed != null) {
                then = new LinkedHashMap<>();
                for (Map.Entry<String, AssessedPosition> member : assessed.entrySet()) {
                    then.put(member.getKey(), member.getValue().position());
                }
            }
            votes.add(new RecordedVote(vote.outcomeKey(), vote.rule(), vote.taskKey(), vote.vote(), vote.outcome(),
                    vote.symbol(), sequence, assessed == null ? null : electorates.get(vote.outcomeKey()),
                    then == null ? null : Collections.unmodifiableMap(then)));
        } else if (event instanceof OutcomeRecorded outcome) {
            outcomes.put(outcome.outcomeKey(), outcome.outcome());
        } else if (event instanceof EscalationRaised escalation) {
            escalations.add(escalation.escalationId());
        } else if (event instanceof CampaignClosed) {
            status = CampaignStatus.CLOSED;
            activeTasks.clear();
        } else if (event instanceof PositionAssessed assessed) {
            positions.computeIfAbsent(assessed.voteKey(), key -> new LinkedHashMap<>())
                    .put(assessed.member(), new AssessedPosition(assessed.position(), assessed.note(), assessed.source()));
        } else if (event instanceof ElectorateEntered entered) {
            electorates.put(entered.voteKey(), new Electorate(entered.year(), entered.members()));
        } else if (event instanceof TaskDueSoon dueSoon) {
            remindedTasks.add(dueSoon.taskId());
        } else if (event instanceof TaskOverdue overdue) {
            activeTasks.computeIfPresent(overdue.taskId(), (id, task) -> task.markedOverdue());
        } else if (event instanceof CampaignSuspended suspended) {
            status = CampaignStatus.SUSPENDED;
            statusReason = suspended.reason();
        } else if (event instanceof CampaignResumed) {
            status = CampaignStatus.ACTIVE;
            statusReason = null;
        } else if (event instanceof CampaignCancelled cancelled) {
            status = CampaignStatus.CANCELLED;
            statusReason = cancelled.reason();
        }
        lastSequence = sequence;
        updatedAt = occurredAt;
        return this;
    }

    public String campaignId() {
        return campaignId;
    }

    public LocalDate origin() {
        return origin;
    }

    public CampaignStatus status() {
        return status;
    }

    /** A member's assessed position in the vote of {@code voteKey}; null when none was recorded. */
    public AssessedPosition position(String voteKey, String member) {
        Map<String, AssessedPosition> vote = positions.get(voteKey);
        return vote == null ? null : vote.get(member);
    }

    /** Who votes in the vote of {@code voteKey}, as last entered; null when none was. */
    public Electorate electorate(String voteKey) {
        return electorates.get(voteKey);
    }

    /** Whether the task's reminder was recorded. */
    public boolean reminded(String taskId) {
        return remindedTasks.contains(taskId);
    }

    /** Why a manager suspended or cancelled the campaign; null otherwise. */
    public String statusReason() {
        return statusReason;
    }

    /** The latest outcome of each vote or path, in the order they were first decided. */
    public Map<String, Outcome> outcomes() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    public ActiveTask activeTask(String taskId) {
        return activeTasks.get(taskId);
    }

    public long lastSequence() {
        return lastSequence;
    }

    /** The forums in which work is under way, in the order their tasks opened; "closed" once closed. */
    public String stage() {
        if (status == CampaignStatus.CLOSED) {
            return "closed";
        }
        if (status == CampaignStatus.CANCELLED) {
            return "cancelled";
        }
        Set<String> forums = new LinkedHashSet<>();
        activeTasks.values().forEach(task -> forums.add(task.forum()));
        return String.join(", ", forums);
    }

    private static Map<String, Map<String, AssessedPosition>> copyOf(Map<String, Map<String, AssessedPosition>> positions) {
        Map<String, Map<String, AssessedPosition>> copy = new LinkedHashMap<>();
        positions.forEach((vote, members) -> copy.put(vote, Collections.unmodifiableMap(new LinkedHashMap<>(members))));
        return Collections.unmodifiableMap(copy);
    }

    public CampaignSnapshot snapshot() {
        return new CampaignSnapshot(campaignId, title, template, status, stage(), new LinkedHashMap<>(outcomes),
                List.copyOf(activeTasks.values()), fields, origin, List.copyOf(escalations), launchedAt, updatedAt,
                lastSequence, List.copyOf(steps), List.copyOf(votes), statusReason, copyOf(positions),
                Collections.unmodifiableMap(new LinkedHashMap<>(electorates)));
    }
}
