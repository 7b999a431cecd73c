package org.advocacy.engine.tasks;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.audit.History;
import org.advocacy.engine.campaign.CampaignCommand.AssignTask;
import org.advocacy.engine.campaign.CampaignCommand.ClaimTask;
import org.advocacy.engine.campaign.CampaignCommand.ReleaseTask;
import org.advocacy.engine.campaign.CampaignCommand.CompleteStep;
import org.advocacy.engine.campaign.CampaignEvent.VoteCast;
import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.CampaignCommandGateway;
import org.advocacy.engine.platform.Forbidden;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.platform.UserDirectory;
import org.advocacy.engine.reference.UnMembership;
import org.advocacy.engine.whip.PathWarnings;
import org.advocacy.engine.campaign.CampaignRefusal;
import org.advocacy.engine.templates.FieldValidator;
import org.advocacy.engine.templates.Submission;
import org.advocacy.engine.templates.TaskForm;
import org.advocacy.engine.workflow.TemplateCatalog;
import org.advocacy.engine.workflow.Workflow;
import org.advocacy.engine.workflow.Workflow.WorkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Claiming and completing tasks. A completion is validated whole before anything is written;
 * then the step's event and the workflow's move commit in one transaction.
 */
@Service
public class TaskSteps {

    private static final Logger log = LoggerFactory.getLogger(TaskSteps.class);
    private static final String MANAGER = "MANAGER";

    private final Workflow workflow;
    private final TemplateCatalog templates;
    private final CampaignViews campaigns;
    private final CampaignCommandGateway commands;
    private final History history;
    private final UserDirectory users;
    private final UnMembership membership;
    private final MeterRegistry meters;
    private final PathWarnings warnings;

    TaskSteps(Workflow workflow, TemplateCatalog templates, CampaignViews campaigns, CampaignCommandGateway commands,
              History history, UserDirectory users, UnMembership membership, MeterRegistry meters,
              PathWarnings warnings) {
        this.meters = meters;
        this.warnings = warnings;
        this.history = history;
        this.membership = membership;
        this.users = users;
        this.workflow = workflow;
        this.templates = templates;
        this.campaigns = campaigns;
        this.commands = commands;
    }

    /** An open task with the form that completes it and who holds it. */
    public record OpenStep(String taskId, String campaignId, TaskForm form, String assignee) {
    }

    /** The task if it is open, with its form from the very process definition it runs in. */
    public java.util.Optional<OpenStep> open(String taskId) {
        return workflow.activeTask(taskId).map(task -> new OpenStep(task.id(), task.campaignId(),
                templates.taskForm(task.processDefinitionId(), task.key()), task.assignee()));
    }

    /** @param campaignId the campaign the caller means, or null when the caller did not say */
    @Transactional
    public void claim(String taskId, String campaignId) {
        claim(taskId, campaignId, null);
    }

    /** As {@link #claim(String, String)}, refused (412) unless the campaign is still at {@code ifMatch}. */
    @Transactional
    public void claim(String taskId, String campaignId, String ifMatch) {
        WorkTask task = activeTask(taskId, campaignId);
        commands.requireUnchanged(task.campaignId(), ifMatch);
        TaskForm form = templates.taskForm(task.processDefinitionId(), task.key());
        requireRole(form);
        String user = Actors.current();
        commands.send(new ClaimTask(task.campaignId(), task.id(), user), task.processInstanceId(), task.id());
        workflow.assign(task.id(), user);
    }

    /** A manager gives the task to a user who holds the task's role, whoever had it. */
    @Transactional
    public void assign(String taskId, String campaignId, String assignee) {
        WorkTask task = activeTask(taskId, campaignId);
        TaskForm form = templates.taskForm(task.processDefinitionId(), task.key());
        if (!Actors.roles().contains(MANAGER)) {
            throw new Forbidden("only a MANAGER assigns tasks to others");
        }
        if (assignee == null || assignee.isBlank()) {
            throw new BadRequest("assignee is required: the name of a user who is a " + form.role());
        }
        String name = assignee.strip();
        if (!users.rolesOf(name).map(roles -> roles.contains(form.role())).orElse(false)) {
            throw new BadRequest("task " + form.key() + " is done by a " + form.role() + ", and no " + form.role()
                    + " is named " + name + (users.withRole(form.role()).isEmpty() ? ""
                    : "; the " + form.role() + "s are " + String.join(", ", users.withRole(form.role()))));
        }
        commands.send(new AssignTask(task.campaignId(), task.id(), name), task.processInstanceId(), task.id());
        workflow.assign(task.id(), name);
    }

    /** The assignee gives the task back; a manager may take it back from anyone. */
    @Transactional
    public void release(String taskId, String campaignId) {
        WorkTask task = activeTask(taskId, campaignId);
        TaskForm form = templates.taskForm(task.processDefinitionId(), task.key());
        boolean manager = Actors.roles().contains(MANAGER);
        if (!manager) {
            requireRole(form);
        }
        commands.send(new ReleaseTask(task.campaignId(), task.id(), Actors.current(), manager),
                task.processInstanceId(), task.id());
        workflow.assign(task.id(), null);
    }

    /**
     * Completes the task with the fields of {@code body}; answers the warnings the step raises
     * without being refused (fewer backers named than the vote needs).
     */
    @Transactional
    public List<String> complete(String taskId, String campaignId, Map<String, Object> body) {
        return complete(taskId, campaignId, body, null);
    }

    /** As {@link #complete(String, String, Map)}, refused (412) unless the campaign is still at {@code ifMatch}. */
    @Transactional
    public List<String> complete(String taskId, String campaignId, Map<String, Object> body, String ifMatch) {
        Timer.Sample started = Timer.start(meters);
        WorkTask task = activeTask(taskId, campaignId);
        timeUntilCommitOrRollback(started, task.key());
        commands.requireUnchanged(task.campaignId(), ifMatch);
        TaskForm form = templates.taskForm(task.processDefinitionId(), task.key());
        requireRole(form);
        CampaignSnapshot campaign = campaigns.current(task.campaignId()).orElse(null);
        LocalDate origin = campaign == null ? null : campaign.origin();
        Submission submission = FieldValidator.validate("task " + task.key(), form.fields(), body, origin,
                membership);
        VoteCast vote = submission.vote() == null ? null
                : new VoteCast(submission.vote().outcomeKey(), submission.vote().vote().rule().name());
        commands.send(new CompleteStep(task.campaignId(), task.id(), Actors.current(), submission.fields(), vote),
                task.processInstanceId(), task.id());
        workflow.complete(task, form, submission);
        log.info("{} completed task {} ({}) of campaign {}", Actors.current(), task.id(), task.key(), task.campaignId());
        return campaign == null ? List.of() : warnings.after(campaign, form, submission.fields());
    }

    /** Until the transaction ends, not the method: the commit is part of what the caller waits for. */
    private void timeUntilCommitOrRollback(Timer.Sample started, String taskKey) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                started.stop(Timer.builder("campaigns.step.duration").description("completing a task, until its commit")
                        .tag("task_key", taskKey).tag("outcome", status == STATUS_COMMITTED ? "committed" : "rolled_back")
                        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(30)).register(meters));
            }
        });
    }

    private WorkTask activeTask(String taskId, String campaignId) {
        WorkTask task = workflow.activeTask(taskId).orElseThrow(() -> history.taskWasOpened(taskId)
                ? new CampaignRefusal(CampaignRefusal.Reason.TASK_NOT_ACTIVE, "task " + taskId + " is no longer active")
                : new NotFound("no task has the id " + taskId));
        if (campaignId != null && campaigns.current(campaignId).isEmpty()) {
            throw new NotFound("no campaign has the id " + campaignId);
        }
        if (campaignId != null && !campaignId.equals(task.campaignId())) {
            throw new BadRequest("task " + taskId + " belongs to another campaign than " + campaignId);
        }
        return task;
    }

    private static void requireRole(TaskForm form) {
        if (!Actors.roles().contains(form.role())) {
            throw new Forbidden("task " + form.key() + " is done by a " + form.role() + ", which "
                    + Actors.current() + " is not");
        }
    }
}
