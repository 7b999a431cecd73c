package org.advocacy.engine.workflow;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.advocacy.engine.templates.FieldSpec;
import org.advocacy.engine.templates.FieldType;
import org.advocacy.engine.templates.FieldValidator;
import org.advocacy.engine.templates.Submission;
import org.advocacy.engine.templates.TaskForm;
import org.advocacy.engine.templates.TemplateFailure;
import org.advocacy.engine.votes.Vote;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The workflow engine as the rest of the application sees it. The only place, with the plugins of
 * this package, that knows Camunda: starting a campaign's process, finding and completing tasks.
 */
@Component
public class Workflow {

    /** A user task of a campaign as the engine holds it. */
    public record WorkTask(String id, String key, String campaignId, String processInstanceId,
                           String processDefinitionId, String assignee) {
    }

    /** The transient variable that names the outcome key of the vote a completed task cast. */
    static final String VOTE_OUTCOME_KEY = "voteOutcomeKey";

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{.*?}");

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TaskService tasks;
    private final CommandExecutor engineCommands;

    Workflow(RuntimeService runtime, TaskService tasks, RepositoryService repository, ProcessEngine engine) {
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.engineCommands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    public String start(String templateKey, String campaignId) {
        try {
            return runtime.startProcessInstanceByKey(templateKey, campaignId).getId();
        } catch (ProcessEngineException failed) {
            throw templateFailure("the template " + templateKey + " cannot start", failed, () -> repository
                    .createProcessDefinitionQuery().processDefinitionKey(templateKey).latestVersion().singleResult().getId());
        }
    }

    /**
     * The task, looked up by its id and its process instance by the engine's own entity lookups:
     * a task query would build its dynamic SQL for every claim and completion.
     */
    public Optional<WorkTask> activeTask(String taskId) {
        return engineCommands.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return Optional.empty();
            }
            ExecutionEntity instance = task.getProcessInstance();
            return Optional.of(new WorkTask(task.getId(), task.getTaskDefinitionKey(),
                    instance == null ? null : instance.getBusinessKey(), task.getProcessInstanceId(),
                    task.getProcessDefinitionId(), task.getAssignee()));
        });
    }

    /**
     * Suspends the campaign's process and every process it called: its tasks can no longer be
     * completed and its timers do not fire until it is activated again.
     */
    public void suspend(String campaignId) {
        processesOf(campaignId).forEach(id -> runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(id).suspend());
    }

    public void resume(String campaignId) {
        processesOf(campaignId).forEach(id -> runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(id).activate());
    }

    /** Ends the campaign's process, and the processes it called, before their end: their open tasks are deleted. */
    public void cancel(String campaignId, String reason) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(campaignId).list().stream()
                .filter(instance -> instance.getRootProcessInstanceId() == null
                        || instance.getRootProcessInstanceId().equals(instance.getId()))
                .forEach(root -> runtime.deleteProcessInstance(root.getId(), reason));
    }

    /** The campaign's process instance and, depth first, those that its call activities started. */
    private List<String> processesOf(String campaignId) {
        List<String> found = new java.util.ArrayList<>();
        java.util.Deque<String> next = new java.util.ArrayDeque<>();
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(campaignId).list()
                .forEach(instance -> next.push(instance.getId()));
        while (!next.isEmpty()) {
            String id = next.pop();
            if (!found.contains(id)) {
                found.add(id);
                runtime.createProcessInstanceQuery().superProcessInstanceId(id).list()
                        .forEach(called -> next.push(called.getId()));
            }
        }
        return found;
    }

    /** Gives the task to {@code user}; null leaves it unassigned. */
    public void assign(String taskId, String user) {
        tasks.setAssignee(taskId, user);
    }

    /**
     * Completes a task, handing the submission to the process as transient variables (never
     * stored): each field under its id, each list as {@code <id>Count}, and a vote as the inputs
     * of the vote-outcome decision.
     */
    public void complete(WorkTask task, TaskForm form, Submission submission) {
        try {
            tasks.complete(task.id(), transientVariables(form, submission));
        } catch (ProcessEngineException failed) {
            throw templateFailure("the template cannot go on after task " + form.key(), failed, task::processDefinitionId);
        }
    }

    /** A failed expression as the template's failure, naming its element; any other failure as it was. */
    private RuntimeException templateFailure(String what, ProcessEngineException failed,
                                             java.util.function.Supplier<String> processDefinitionId) {
        if (!expressionFailed(failed)) {
            return failed;
        }
        String said = failed.getMessage() == null ? "" : failed.getMessage().lines().findFirst().orElse("");
        String element = elementOf(said, processDefinitionId.get());
        return new TemplateFailure(what + (element == null ? "" : ", at element " + element) + ": " + said
                + "; nothing was recorded. Tell the template's author", failed);
    }

    private static boolean expressionFailed(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof ELException) {
                return true;
            }
        }
        return false;
    }

    /** The element whose condition or due date is the failed expression: in the task's own process, or any other. */
    private String elementOf(String message, String processDefinitionId) {
        Matcher expression = EXPRESSION.matcher(message);
        if (!expression.find()) {
            return null;
        }
        String failed = expression.group();
        List<String> definitions = new java.util.ArrayList<>(List.of(processDefinitionId));
        repository.createProcessDefinitionQuery().latestVersion().list().forEach(definition -> definitions.add(definition.getId()));
        for (String definition : definitions) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition);
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                if (flow.getConditionExpression() != null && failed.equals(flow.getConditionExpression().getTextContent().strip())) {
                    return flow.getId();
                }
            }
            for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
                if (failed.equals(userTask.getCamundaDueDate())) {
                    return userTask.getId();
                }
            }
        }
        return null;
    }

    static VariableMap transientVariables(TaskForm form, Submission submission) {
        VariableMap variables = Variables.createVariables();
        for (FieldSpec field : form.fields()) {
            Object value = submission.fields().get(field.id());
            if (field.type() == FieldType.NAMES) {
                int count = value == null ? 0 : ((List<?>) value).size();
                variables.putValueTyped(field.id() + "Count", Variables.integerValue(count, true));
            } else if (field.type() == FieldType.BOOLEAN) {
                variables.putValueTyped(field.id(), Variables.booleanValue((Boolean) value, true));
            } else if (field.type() == FieldType.LONG) {
                variables.putValueTyped(field.id(), Variables.longValue((Long) value, true));
            } else if (field.type() == FieldType.VOTE) {
                Vote vote = submission.vote().vote();
                variables.putValueTyped(VOTE_OUTCOME_KEY, Variables.stringValue(field.id(), true));
                variables.putValueTyped("voteRule", Variables.stringValue(FieldValidator.rule(field).name(), true));
                variables.putValueTyped("adoptedWithoutVote", Variables.booleanValue(vote.adoptedWithoutVote(), true));
                variables.putValueTyped("inFavour", Variables.integerValue(vote.inFavour(), true));
                variables.putValueTyped("against", Variables.integerValue(vote.against(), true));
                variables.putValueTyped("abstaining", Variables.integerValue(vote.abstaining(), true));
                variables.putValueTyped("permanentMembersAgainstCount",
                        Variables.integerValue(vote.permanentMembersAgainst().size(), true));
            } else {
                variables.putValueTyped(field.id(), Variables.stringValue(value == null ? null : value.toString(), true));
            }
        }
        return variables;
    }
}
