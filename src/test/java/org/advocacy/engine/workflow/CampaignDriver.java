package org.advocacy.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Drives one campaign as the application does: by business key, across the main process and the
 * processes it calls (which inherit the key), completing a task by its key with transient fields.
 */
public final class CampaignDriver {

    private final ProcessEngine engine;
    private final String businessKey;

    public CampaignDriver(ProcessEngine engine, String businessKey) {
        this.engine = engine;
        this.businessKey = businessKey;
    }

    public ProcessInstance start(String processKey) {
        return start(processKey, TaskFields.fields());
    }

    public ProcessInstance start(String processKey, TaskFields fields) {
        return engine.getRuntimeService()
                .startProcessInstanceByKey(processKey, businessKey, fields.toVariables());
    }

    /**
     * Completes the one active task with that key; fails when there is none or more than one. As
     * the application does, every field that the task declares reaches the process: a field not
     * given as null, a list of names not given as a count of 0.
     */
    public void complete(String taskKey, TaskFields fields) {
        complete(task(taskKey), fields);
    }

    /** Completes that task, as {@link #complete(String, TaskFields)} does: for a task key active more than once. */
    public void complete(Task task, TaskFields fields) {
        VariableMap variables = fields.toVariables();
        for (FormField field : engine.getFormService().getTaskFormData(task.getId()).getFormFields()) {
            String type = field.getTypeName();
            if ("names".equals(type)) {
                variables.putIfAbsent(field.getId() + "Count", Variables.integerValue(0, true));
            } else if (!"vote".equals(type) && !variables.containsKey(field.getId())) {
                variables.putValueTyped(field.getId(), Variables.untypedNullValue(true));
            }
        }
        engine.getTaskService().complete(task.getId(), variables);
    }

    public Task task(String taskKey) {
        List<Task> tasks = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).active().list();
        assertThat(tasks).as("active tasks %s of campaign %s", taskKey, businessKey).hasSize(1);
        return tasks.get(0);
    }

    /** Every active task with that key (a multi-instance activity has one per instance), oldest first. */
    public List<Task> tasks(String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).active().orderByTaskCreateTime().asc().orderByTaskId().asc().list();
    }

    public List<String> activeTaskKeys() {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).active()
                .list().stream().map(Task::getTaskDefinitionKey).sorted().toList();
    }

    public ProcessInstance calledInstance(String processKey) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).processDefinitionKey(processKey).singleResult();
    }

    /** A variable of the process instance, as the history recorded it (also once the instance ended). */
    public Object outcome(String processInstanceId, String variable) {
        var instance = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(variable).singleResult();
        return instance == null ? null : instance.getValue();
    }

    /** A business key of its own for each test, so that no test sees another's tasks. */
    public static String newBusinessKey() {
        return "campaign-" + UUID.randomUUID();
    }
}
