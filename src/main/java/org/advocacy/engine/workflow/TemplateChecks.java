package org.advocacy.engine.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.advocacy.engine.templates.FieldType;
import org.advocacy.engine.votes.VoteRule;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.ModelParseException;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What a template must be before it is deployed, checked the same way for the app's own templates
 * (a test, and at every start) and for one an ADMIN deploys: every process keeps its history for a
 * set time; every user task has a role and labelled fields of known types; every vote names a
 * known rule and is followed by the vote-outcome decision; and every expression of a condition
 * or a due date names only what a task upstream declares (its fields, a list's {@code <id>Count}),
 * the template's start fields, a decision's result or a called process's output. A process that
 * another calls may also name what the caller's tasks declare, which the campaign has recorded by
 * then ({@link EarlierFacts}).
 */
public final class TemplateChecks {

    /** A defect: the file, the element and what is wrong with it. */
    public record Problem(String file, String element, String problem) {
        @Override
        public String toString() {
            return file + ", element " + element + ": " + problem;
        }
    }

    static final String VOTE_DECISION = "vote-outcome";
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern TEXT = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NAME = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*+)(?!\\s*\\()");
    private static final Set<String> EL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "empty", "div", "mod", "true", "false", "null", "instanceof");
    /** What every expression may name besides facts: the engine's objects and all recorded facts. */
    private static final Set<String> ALWAYS_KNOWN = Set.of("execution", "task", EarlierFacts.ALL_FACTS);

    private TemplateChecks() {
    }

    /** Checks the files of one deployment together: file name to its BPMN text. */
    public static List<Problem> check(Map<String, byte[]> files) {
        List<Problem> problems = new ArrayList<>();
        Map<String, BpmnModelInstance> models = new java.util.LinkedHashMap<>();
        files.forEach((file, content) -> {
            try {
                models.put(file, Bpmn.readModelFromStream(new ByteArrayInputStream(content)));
            } catch (ModelParseException | IllegalArgumentException unreadable) {
                problems.add(new Problem(file, "-", "not a BPMN 2.0 file that can be read: " + firstLine(unreadable)));
            }
        });
        Set<String> declaredByCallers = new HashSet<>();
        models.values().forEach(model -> model.getModelElementsByType(Process.class).stream()
                .filter(process -> !Boolean.FALSE.equals(process.isCamundaStartableInTasklist()))
                .forEach(process -> declaredByCallers.addAll(declaredIn(process.getChildElementsByType(FlowNode.class)
                        .stream().toList(), model))));
        models.forEach((file, model) -> {
            for (Process process : model.getModelElementsByType(Process.class)) {
                new ProcessCheck(file, model, process, declaredByCallers, problems).run();
            }
        });
        return problems;
    }

    private static final class ProcessCheck {
        private final String file;
        private final BpmnModelInstance model;
        private final Process process;
        private final Set<String> declaredByCallers;
        private final List<Problem> problems;

        ProcessCheck(String file, BpmnModelInstance model, Process process, Set<String> declaredByCallers,
                     List<Problem> problems) {
            this.file = file;
            this.model = model;
            this.process = process;
            this.declaredByCallers = declaredByCallers;
            this.problems = problems;
        }

        void run() {
            if (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaHistoryTimeToLiveString().isBlank()) {
                problem(process, "the process has no camunda:historyTimeToLive (how long the workflow's own history is kept, e.g. P90D)");
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                fields(start).forEach(field -> checkField(start, field));
            }
            for (UserTask task : inThisProcess(UserTask.class)) {
                checkUserTask(task);
            }
            for (SequenceFlow flow : inThisProcess(SequenceFlow.class)) {
                ConditionExpression condition = flow.getConditionExpression();
                if (condition != null && condition.getTextContent() != null) {
                    checkNames(flow, condition.getTextContent(), upstreamOf(flow.getSource(), true));
                }
            }
        }

        private void checkUserTask(UserTask task) {
            List<String> roles = task.getCamundaCandidateGroupsList();
            if (roles == null || roles.isEmpty() || roles.stream().allMatch(String::isBlank)) {
                problem(task, "the user task has no role: name one with camunda:candidateGroups (COORDINATOR or MANAGER)");
            }
            List<CamundaFormField> fields = fields(task);
            if (fields.isEmpty()) {
                problem(task, "the user task declares no fields: give it a camunda:formData with what it records");
            }
            for (CamundaFormField field : fields) {
                checkField(task, field);
                if (FieldType.VOTE.declaredAs().equals(field.getCamundaType()) && !decisionFollows(task)) {
                    problem(task, "the vote " + field.getCamundaId() + " is followed by no business rule task calling the "
                            + VOTE_DECISION + " decision, so no outcome would ever be decided for it");
                }
            }
            if (task.getCamundaDueDate() != null) {
                checkNames(task, task.getCamundaDueDate(), upstreamOf(task, false));
            }
            checkForecast(task, fields);
        }

        /** A task's {@code forecast} names a vote of the file; its {@code backers}, a names field of the task. */
        private void checkForecast(UserTask task, List<CamundaFormField> fields) {
            String forecast = taskProperty(task, "forecast");
            String backers = taskProperty(task, "backers");
            if (forecast != null && model.getModelElementsByType(UserTask.class).stream().flatMap(other -> fields(other).stream())
                    .noneMatch(field -> forecast.equals(field.getCamundaId()) && FieldType.VOTE.declaredAs().equals(field.getCamundaType()))) {
                problem(task, "the task's forecast names " + forecast + ", which is no vote field of this file");
            }
            if (backers != null && (forecast == null || fields.stream().noneMatch(field -> backers.equals(field.getCamundaId())
                    && FieldType.NAMES.declaredAs().equals(field.getCamundaType())))) {
                problem(task, "the task's backers names " + backers + ", which is no names field of this task"
                        + (forecast == null ? " with a forecast" : ""));
            }
        }

        private void checkField(BaseElement owner, CamundaFormField field) {
            String id = field.getCamundaId();
            if (field.getCamundaLabel() == null || field.getCamundaLabel().isBlank()) {
                problem(owner, "the field " + id + " has no label: the form would show a bare id");
            }
            if (FieldType.declaredAs(field.getCamundaType()).isEmpty()) {
                problem(owner, "the field " + id + " has the unknown type " + field.getCamundaType() + "; known types: "
                        + java.util.Arrays.stream(FieldType.values()).map(FieldType::declaredAs).toList());
            }
            if (FieldType.VOTE.declaredAs().equals(field.getCamundaType())) {
                String rule = property(field, "rule");
                String named = rule == null ? id : rule;
                if (VoteRule.named(named).isEmpty()) {
                    problem(owner, "the vote " + id + " names no known rule (" + named + "); known rules: "
                            + java.util.Arrays.stream(VoteRule.values()).map(VoteRule::name).toList());
                }
            }
        }

        private boolean decisionFollows(FlowNode task) {
            return task.getOutgoing().stream().map(SequenceFlow::getTarget)
                    .anyMatch(next -> next instanceof BusinessRuleTask rule && VOTE_DECISION.equals(rule.getCamundaDecisionRef()));
        }

        private void checkNames(BaseElement element, String text, Set<String> declared) {
            Matcher expressions = EXPRESSION.matcher(text);
            while (expressions.find()) {
                String body = TEXT.matcher(expressions.group(1)).replaceAll("''");
                Matcher names = NAME.matcher(body);
                while (names.find()) {
                    String name = names.group(1);
                    if (!EL_WORDS.contains(name) && !ALWAYS_KNOWN.contains(name) && !declared.contains(name)
                            && !declaredByCallers(name)) {
                        problem(element, "the expression " + expressions.group() + " names " + name
                                + ", which no task upstream declares (nor the start form, a decision or a called process)");
                    }
                }
            }
        }

        private boolean declaredByCallers(String name) {
            return Boolean.FALSE.equals(process.isCamundaStartableInTasklist()) && declaredByCallers.contains(name);
        }

        /** What the nodes from which {@code node} can be reached declare, with the start forms' fields. */
        private Set<String> upstreamOf(FlowNode node, boolean includingItself) {
            Set<FlowNode> seen = new LinkedHashSet<>();
            Deque<FlowNode> next = new ArrayDeque<>();
            if (includingItself) {
                next.add(node);
            } else {
                predecessors(node).forEach(next::add);
            }
            while (!next.isEmpty()) {
                FlowNode current = next.pop();
                if (seen.add(current)) {
                    predecessors(current).forEach(next::push);
                }
            }
            Set<String> declared = declaredIn(List.copyOf(seen), model);
            model.getModelElementsByType(StartEvent.class).forEach(start ->
                    fields(start).forEach(field -> declared.add(field.getCamundaId())));
            return declared;
        }

        private <T extends ModelElementInstance> List<T> inThisProcess(Class<T> type) {
            return model.getModelElementsByType(type).stream().filter(element -> owner(element) == process).toList();
        }

        private void problem(BaseElement element, String problem) {
            problems.add(new Problem(file, element.getId(), problem));
        }
    }

    /** Where the path into a node comes from: its incoming flows, the node a boundary event sits on, a subprocess's own entry and its inner ends. */
    private static List<FlowNode> predecessors(FlowNode node) {
        List<FlowNode> before = new ArrayList<>(node.getIncoming().stream().map(SequenceFlow::getSource).toList());
        if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
            before.add(boundary.getAttachedTo());
        }
        if (node instanceof StartEvent && node.getParentElement() instanceof SubProcess subProcess) {
            before.add(subProcess);
        }
        if (node instanceof SubProcess subProcess) {
            before.addAll(subProcess.getChildElementsByType(FlowNode.class).stream()
                    .filter(inner -> inner.getOutgoing().isEmpty()).toList());
        }
        return before;
    }

    /** The names that these nodes make known: user tasks' fields (and a list's Count), decisions' results, called processes' outputs. */
    private static Set<String> declaredIn(Collection<FlowNode> nodes, BpmnModelInstance model) {
        Set<String> declared = new HashSet<>();
        for (FlowNode node : nodes) {
            if (node instanceof UserTask || node instanceof StartEvent) {
                for (CamundaFormField field : fields(node)) {
                    declared.add(field.getCamundaId());
                    if (FieldType.NAMES.declaredAs().equals(field.getCamundaType())) {
                        declared.add(field.getCamundaId() + "Count");
                    }
                }
            } else if (node instanceof BusinessRuleTask rule && rule.getCamundaResultVariable() != null) {
                declared.add(rule.getCamundaResultVariable());
            } else if (node instanceof CallActivity call && call.getExtensionElements() != null) {
                call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list()
                        .forEach(out -> declared.add(out.getCamundaTarget()));
            }
            if (node instanceof SubProcess subProcess) {
                declared.addAll(declaredIn(subProcess.getChildElementsByType(FlowNode.class), model));
            }
        }
        return declared;
    }

    private static List<CamundaFormField> fields(BaseElement element) {
        if (element.getExtensionElements() == null) {
            return List.of();
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).list().stream()
                .flatMap(form -> form.getCamundaFormFields().stream()).toList();
    }

    private static String property(CamundaFormField field, String name) {
        if (field.getCamundaProperties() == null) {
            return null;
        }
        return field.getCamundaProperties().getCamundaProperties().stream()
                .filter(property -> name.equals(property.getCamundaId())).map(CamundaProperty::getCamundaValue)
                .findFirst().orElse(null);
    }

    private static String taskProperty(UserTask task, String name) {
        if (task.getExtensionElements() == null) {
            return null;
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(declared -> declared.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()) || name.equals(property.getCamundaId()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
    }

    private static ModelElementInstance owner(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return parent;
    }

    private static String firstLine(Exception failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage().lines().findFirst().orElse("");
    }
}
