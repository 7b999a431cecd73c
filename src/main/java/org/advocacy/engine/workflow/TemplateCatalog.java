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
    private final Map<String, String> processNames = new ConcurrentHashMap<>();

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

    /** Every deployed version of a process, oldest first. */
    public List<Integer> versions(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).orderByProcessDefinitionVersion().asc()
                .list().stream().map(ProcessDefinition::getVersion).toList();
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

    /** The readable name of each task of a template, by task key (empty for an unknown template). */
    public Map<String, String> taskNames(String templateKey) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        template(templateKey).map(Template::tasks).orElse(List.of())
                .forEach(task -> names.putIfAbsent(task.key(), task.name()));
        return names;
    }

    /** The readable name of a deployed process (a template or a forum it calls), or its key. */
    public String processName(String processKey) {
        return processNames.computeIfAbsent(processKey, key -> {
            ProcessDefinition definition = latest(key);
            return definition == null || definition.getName() == null ? key : definition.getName();
        });
    }

    /** The template's own process first, then every process it calls, in the order its paths reach them. */
    public List<String> processKeys(String templateKey) {
        ProcessDefinition definition = latest(templateKey);
        if (definition == null) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        collectProcesses(definition, keys);
        return List.copyOf(keys);
    }

    /** The BPMN file of the latest deployed version of a process, for the diagram viewer. */
    public Optional<byte[]> processModel(String processKey) {
        ProcessDefinition definition = latest(processKey);
        if (definition == null) {
            return Optional.empty();
        }
        try (var model = repository.getProcessModel(definition.getId())) {
            return Optional.of(model.readAllBytes());
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("the model of " + processKey + " cannot be read", unreadable);
        }
    }

    private void collectProcesses(ProcessDefinition definition, Set<String> keys) {
        if (!keys.add(definition.getKey())) {
            return;
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        Process process = model.getModelElementById(definition.getKey());
        for (FlowNode node : reachable(model, process.getChildElementsByType(StartEvent.class))) {
            if (node instanceof CallActivity call && call.getCalledElement() != null) {
                ProcessDefinition called = latest(call.getCalledElement());
                if (called != null) {
                    collectProcesses(called, keys);
                }
            }
        }
    }

    private ProcessDefinition latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
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
        for (FlowNode node : reachable(model, process.getChildElementsByType(StartEvent.class))) {
            reached.add(node.getId());
            if (node instanceof UserTask task) {
                tasks.add(taskForm(task, processKey));
            } else if (node instanceof CallActivity call && call.getCalledElement() != null) {
                ProcessDefinition called = latest(call.getCalledElement());
                if (called != null) {
                    collectTasks(repository.getBpmnModelInstance(called.getId()), called.getKey(), tasks, visited);
                }
            }
        }
        model.getModelElementsByType(UserTask.class).stream()
                .filter(task -> processKey.equals(processOf(task)) && !reached.contains(task.getId()))
                .forEach(task -> tasks.add(taskForm(task, processKey)));
    }

    /**
     * The flow nodes that paths from {@code starts} reach, breadth first, following boundary
     * events; an embedded subprocess is walked whole where the path enters it.
     */
    private static List<FlowNode> reachable(BpmnModelInstance model, Collection<? extends FlowNode> starts) {
        List<FlowNode> reached = new ArrayList<>();
        reach(model, starts, new HashSet<>(), reached);
        return reached;
    }

    private static void reach(BpmnModelInstance model, Collection<? extends FlowNode> starts, Set<String> seen,
                              List<FlowNode> reached) {
        Deque<FlowNode> next = new ArrayDeque<>(starts);
        while (!next.isEmpty()) {
            FlowNode node = next.poll();
            if (!seen.add(node.getId())) {
                continue;
            }
            reached.add(node);
            if (node instanceof SubProcess subProcess) {
                reach(model, subProcess.getChildElementsByType(StartEvent.class), seen, reached);
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
        Map<String, String> properties = properties(task);
        return new TaskForm(task.getId(), name, forum, role, fields(task), properties.get("forecast"),
                properties.get("backers"));
    }

    /** The element's own properties ({@code camunda:properties} directly in its extension elements). */
    private static Map<String, String> properties(BaseElement element) {
        Map<String, String> properties = new java.util.HashMap<>();
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions != null) {
            extensions.getElementsQuery().filterByType(CamundaProperties.class).list()
                    .forEach(declared -> putAll(declared, properties));
        }
        return properties;
    }

    /** A property is named by its id, or its name when it has no id. */
    private static void putAll(CamundaProperties declared, Map<String, String> properties) {
        for (CamundaProperty property : declared.getCamundaProperties()) {
            String key = property.getCamundaId() != null ? property.getCamundaId() : property.getCamundaName();
            properties.put(key, property.getCamundaValue());
        }
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
        if (field.getCamundaProperties() != null) {
            putAll(field.getCamundaProperties(), properties);
        }
        List<String> values = field.getCamundaValues().stream().map(CamundaValue::getCamundaId).toList();
        String label = field.getCamundaLabel() == null ? field.getCamundaId() : field.getCamundaLabel();
        return new FieldSpec(field.getCamundaId(), label, type, required, properties.get("requiredWhen"), values,
                min, max, Boolean.parseBoolean(properties.get("origin")), properties.get("rule"),
                properties.get("suggest"));
    }
}
