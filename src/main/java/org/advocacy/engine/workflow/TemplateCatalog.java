package org.advocacy.engine.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.advocacy.engine.templates.FieldSpec;
import org.advocacy.engine.templates.FieldType;
import org.advocacy.engine.templates.TaskForm;
import org.advocacy.engine.templates.Template;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.springframework.stereotype.Component;

/**
 * Reads the campaign templates from the deployed BPMN models: a template is a process that users
 * may start (not marked {@code camunda:isStartableInTasklist="false"}); its tasks are its own user
 * tasks and those of the processes that it calls, with the form fields that they declare.
 */
@Component
public class TemplateCatalog {

    private final RepositoryService repository;
    private final Map<String, Template> templatesByDefinition = new ConcurrentHashMap<>();
    private final Map<String, TaskForm> formsByDefinitionAndKey = new ConcurrentHashMap<>();

    TemplateCatalog(RepositoryService repository) {
        this.repository = repository;
    }

    /** The latest version of each startable template, by key. */
    public List<Template> templates() {
        return repository.createProcessDefinitionQuery().latestVersion().startableInTasklist().list().stream()
                .sorted(Comparator.comparing(ProcessDefinition::getKey))
                .map(definition -> templatesByDefinition.computeIfAbsent(definition.getId(), id -> read(definition)))
                .toList();
    }

    public Optional<Template> template(String key) {
        return templates().stream().filter(template -> template.key().equals(key)).findFirst();
    }

    /** The form of a user task, from the very process definition that the task runs in. */
    public TaskForm taskForm(String processDefinitionId, String taskKey) {
        return formsByDefinitionAndKey.computeIfAbsent(processDefinitionId + "#" + taskKey, cacheKey -> {
            ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
            UserTask task = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey);
            if (task == null) {
                throw new IllegalStateException("no user task " + taskKey + " in " + processDefinitionId);
            }
            return taskForm(task, definition.getKey());
        });
    }

    private Template read(ProcessDefinition definition) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        Process process = model.getModelElementById(definition.getKey());
        List<FieldSpec> startFields = process.getChildElementsByType(StartEvent.class).stream()
                .findFirst().map(TemplateCatalog::fields).orElse(List.of());
        List<TaskForm> tasks = new ArrayList<>();
        collectTasks(model, definition.getKey(), tasks, new LinkedHashSet<>());
        String name = definition.getName() == null ? definition.getKey() : definition.getName();
        return new Template(definition.getKey(), name, definition.getVersion(), startFields, tasks);
    }

    /** The user tasks of a process and of the processes it calls, in the order its paths reach them. */
    private void collectTasks(BpmnModelInstance model, String processKey, List<TaskForm> tasks, Set<String> visited) {
        if (!visited.add(processKey)) {
            return;
        }
        Process process = model.getModelElementById(processKey);
        Set<String> reached = new HashSet<>();
        walk(model, processKey, process.getChildElementsByType(StartEvent.class), tasks, visited, reached);
        model.getModelElementsByType(UserTask.class).stream()
                .filter(task -> processKey.equals(processOf(task)) && !reached.contains(task.getId()))
                .forEach(task -> tasks.add(taskForm(task, processKey)));
    }

    /** Breadth first from {@code starts}; an embedded subprocess is walked whole where the path enters it. */
    private void walk(BpmnModelInstance model, String processKey, Collection<? extends FlowNode> starts,
                      List<TaskForm> tasks, Set<String> visited, Set<String> reached) {
        Deque<FlowNode> next = new ArrayDeque<>(starts);
        while (!next.isEmpty()) {
            FlowNode node = next.poll();
            if (!reached.add(node.getId())) {
                continue;
            }
            if (node instanceof UserTask task) {
                tasks.add(taskForm(task, processKey));
            } else if (node instanceof CallActivity call && call.getCalledElement() != null) {
                ProcessDefinition called = repository.createProcessDefinitionQuery()
                        .processDefinitionKey(call.getCalledElement()).latestVersion().singleResult();
                if (called != null) {
                    collectTasks(repository.getBpmnModelInstance(called.getId()), called.getKey(), tasks, visited);
                }
            } else if (node instanceof SubProcess subProcess) {
                walk(model, processKey, subProcess.getChildElementsByType(StartEvent.class), tasks, visited, reached);
            }
            model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(boundary -> boundary.getAttachedTo() == node).forEach(next::add);
            node.getOutgoing().forEach(flow -> next.add(flow.getTarget()));
        }
    }

    private static String processOf(BaseElement element) {
        var parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return parent == null ? null : ((Process) parent).getId();
    }

    private static TaskForm taskForm(UserTask task, String forum) {
        String role = task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()
                ? CampaignRecorderPlugin.DEFAULT_ROLE : task.getCamundaCandidateGroups().split(",")[0].strip();
        String name = task.getName() == null ? task.getId() : task.getName();
        return new TaskForm(task.getId(), name, forum, role, fields(task));
    }

    private static List<FieldSpec> fields(BaseElement element) {
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return List.of();
        }
        return extensions.getElementsQuery().filterByType(CamundaFormData.class).list().stream()
                .flatMap(formData -> formData.getCamundaFormFields().stream())
                .map(field -> field(element, field))
                .toList();
    }

    private static FieldSpec field(BaseElement element, CamundaFormField field) {
        FieldType type = FieldType.declaredAs(field.getCamundaType()).orElseThrow(() -> new IllegalStateException(
                element.getId() + " declares field " + field.getCamundaId() + " of unsupported type " + field.getCamundaType()));
        boolean required = false;
        Long min = null;
        Long max = null;
        if (field.getCamundaValidation() != null) {
            for (CamundaConstraint constraint : field.getCamundaValidation().getCamundaConstraints()) {
                switch (constraint.getCamundaName()) {
                    case "required" -> required = true;
                    case "min", "minlength" -> min = Long.valueOf(constraint.getCamundaConfig());
                    case "max", "maxlength" -> max = Long.valueOf(constraint.getCamundaConfig());
                    default -> { }
                }
            }
        }
        Map<String, String> properties = new java.util.HashMap<>();
        CamundaProperties declared = field.getCamundaProperties();
        if (declared != null) {
            for (CamundaProperty property : declared.getCamundaProperties()) {
                String key = property.getCamundaId() != null ? property.getCamundaId() : property.getCamundaName();
                properties.put(key, property.getCamundaValue());
            }
        }
        List<String> values = field.getCamundaValues().stream().map(CamundaValue::getCamundaId).toList();
        String label = field.getCamundaLabel() == null ? field.getCamundaId() : field.getCamundaLabel();
        return new FieldSpec(field.getCamundaId(), label, type, required, properties.get("requiredWhen"), values,
                min, max, Boolean.parseBoolean(properties.get("origin")), properties.get("rule"));
    }
}
