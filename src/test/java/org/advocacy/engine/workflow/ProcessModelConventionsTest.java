package org.advocacy.engine.workflow;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The templates' conventions and their public contract (SPEC §3): task keys, their fields and
 * limits, who does them, and the modelling rules every file keeps. Reads the files only.
 */
class ProcessModelConventionsTest {

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The templates that users start; the other processes are forums that a template calls. */
    private static final Set<String> STARTABLE = Set.of("coi-follow-up", "coalition-sign-on-letter", "upr-follow-up",
            "field-structure", "rights-up-front", "contact-group");

    /** Tasks that a manager completes; every other task is a coordinator's. */
    private static final Set<String> MANAGER_TASKS = Set.of("review-campaign", "approve-letter");

    static Stream<String> templates() {
        return Stream.of("coi-follow-up", "hrc-resolution", "unga-resolution", "unsc-agenda",
                "coalition-sign-on-letter", "upr-follow-up", "field-structure", "rights-up-front", "contact-group");
    }

    private static BpmnModelInstance model(String processId) {
        try (InputStream file = resource(processId + ".bpmn")) {
            return Bpmn.readModelFromStream(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream file = ProcessModelConventionsTest.class.getResourceAsStream("/processes/" + name);
        assertThat(file).as("processes/%s on the classpath", name).isNotNull();
        return file;
    }

    @ParameterizedTest
    @MethodSource("templates")
    void each_file_holds_one_executable_process_of_its_name_with_a_history_time_to_live(String processId) {
        Collection<Process> processes = model(processId).getModelElementsByType(Process.class);

        assertThat(processes).singleElement().satisfies(process -> {
            assertThat(process.getId()).isEqualTo(processId);
            assertThat(process.isExecutable()).isTrue();
            assertThat(process.getName()).isNotBlank();
            assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P90D");
            assertThat(process.isCamundaStartableInTasklist()).isEqualTo(STARTABLE.contains(processId));
        });
    }

    @ParameterizedTest
    @MethodSource("templates")
    void element_ids_are_readable_kebab_case_and_every_element_is_drawn(String processId) {
        for (FlowElement element : model(processId).getModelElementsByType(FlowElement.class)) {
            assertThat(element.getId()).as("id in %s", processId).matches(KEBAB_CASE);
            assertThat(element.getDiagramElement()).as("diagram element of %s", element.getId()).isNotNull();
            if (!(element instanceof SequenceFlow)) {
                assertThat(element.getName()).as("name of %s", element.getId()).isNotBlank();
            }
        }
    }

    /**
     * The campaign page draws each file with bpmn-js: every flow node needs a shape of its own that
     * no other shape of its scope overlaps (a boundary event sits on its task by design), and every
     * flow an edge that leaves its source's shape and reaches its target's.
     */
    @ParameterizedTest
    @MethodSource("templates")
    void every_node_is_drawn_apart_from_the_others_and_every_flow_joins_its_two_shapes(String processId) {
        BpmnModelInstance model = model(processId);
        List<FlowNode> nodes = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
        for (FlowNode node : nodes) {
            assertThat(node.getDiagramElement()).as("shape of %s", node.getId()).isInstanceOf(BpmnShape.class);
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                FlowNode one = nodes.get(i);
                FlowNode other = nodes.get(j);
                if (one.getParentElement() == other.getParentElement()
                        && !(one instanceof BoundaryEvent) && !(other instanceof BoundaryEvent)) {
                    assertThat(overlap(bounds(one), bounds(other))).as("%s overlaps %s", one.getId(), other.getId())
                            .isFalse();
                }
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(flow.getDiagramElement()).as("edge of %s", flow.getId()).isInstanceOf(BpmnEdge.class);
            List<Waypoint> waypoints = new ArrayList<>(((BpmnEdge) flow.getDiagramElement()).getWaypoints());
            assertThat(waypoints).as("waypoints of %s", flow.getId()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(touches(bounds(flow.getSource()), waypoints.get(0)))
                    .as("%s leaves %s", flow.getId(), flow.getSource().getId()).isTrue();
            assertThat(touches(bounds(flow.getTarget()), waypoints.get(waypoints.size() - 1)))
                    .as("%s reaches %s", flow.getId(), flow.getTarget().getId()).isTrue();
        }
    }

    private static Bounds bounds(FlowNode node) {
        return ((BpmnShape) node.getDiagramElement()).getBounds();
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    /** On the shape's border or inside it, give or take a pixel. */
    private static boolean touches(Bounds shape, Waypoint point) {
        return point.getX() >= shape.getX() - 1 && point.getX() <= shape.getX() + shape.getWidth() + 1
                && point.getY() >= shape.getY() - 1 && point.getY() <= shape.getY() + shape.getHeight() + 1;
    }

    @ParameterizedTest
    @MethodSource("templates")
    void every_gateway_names_its_outgoing_flows_and_a_choice_states_its_conditions(String processId) {
        for (Gateway gateway : model(processId).getModelElementsByType(Gateway.class)) {
            for (SequenceFlow flow : gateway.getOutgoing()) {
                assertThat(flow.getName()).as("flow %s out of %s", flow.getId(), gateway.getId()).isNotBlank();
                if (gateway instanceof ExclusiveGateway) {
                    assertThat(flow.getConditionExpression()).as("condition of %s", flow.getId()).isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void user_tasks_belong_to_coordinators_except_the_managers_reviews_and_approvals(String processId) {
        for (UserTask task : model(processId).getModelElementsByType(UserTask.class)) {
            String expected = MANAGER_TASKS.contains(task.getId()) ? "MANAGER" : "COORDINATOR";
            assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", task.getId()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void each_decision_task_keeps_the_outcome_of_the_vote_just_recorded(String processId) {
        for (BusinessRuleTask decision : model(processId).getModelElementsByType(BusinessRuleTask.class)) {
            assertThat(decision.getCamundaDecisionRef()).isEqualTo("vote-outcome");
            assertThat(decision.getCamundaMapDecisionResult()).isEqualTo("singleEntry");
            FlowNode previous = decision.getIncoming().iterator().next().getSource();
            List<String> voteFields = fields(previous).stream()
                    .filter(field -> field.getCamundaType().equals("vote")).map(CamundaFormField::getCamundaId).toList();
            assertThat(voteFields).as("vote fields of %s", previous.getId()).hasSize(1);
            assertThat(decision.getCamundaResultVariable()).isEqualTo(voteFields.get(0) + "Outcome");
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void a_field_required_when_another_is_true_names_a_boolean_of_the_same_task(String processId) {
        for (UserTask task : model(processId).getModelElementsByType(UserTask.class)) {
            Map<String, String> types = new LinkedHashMap<>();
            fields(task).forEach(field -> types.put(field.getCamundaId(), field.getCamundaType()));
            for (CamundaFormField field : fields(task)) {
                String when = property(field, "requiredWhen");
                if (when != null) {
                    assertThat(types.get(when)).as("%s.%s requiredWhen", task.getId(), field.getCamundaId()).isEqualTo("boolean");
                    assertThat(constraints(field)).doesNotContain("required");
                }
            }
        }
    }

    @Test
    void call_activities_hand_down_the_campaign_business_key() {
        Collection<CallActivity> calls = model("coi-follow-up").getModelElementsByType(CallActivity.class);

        assertThat(calls).extracting(CallActivity::getCalledElement)
                .containsExactlyInAnyOrder("hrc-resolution", "unga-resolution", "unsc-agenda");
        for (CallActivity call : calls) {
            assertThat(call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list())
                    .extracting(CamundaIn::getCamundaBusinessKey).contains("#{execution.processBusinessKey}");
        }
    }

    @Test
    void a_council_meeting_not_held_is_marked_as_the_agenda_outcome_not_held() {
        IntermediateThrowEvent notHeld = model("unsc-agenda").getModelElementById("agenda-meeting-not-held");

        Map<String, String> properties = new LinkedHashMap<>();
        notHeld.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).singleResult()
                .getCamundaProperties().forEach(p -> properties.put(p.getCamundaName(), p.getCamundaValue()));
        assertThat(properties).containsExactlyInAnyOrderEntriesOf(Map.of("outcomeKey", "councilAgenda", "outcome", "NOT_HELD"));
    }

    @Test
    void the_escalation_timer_waits_six_months_on_the_pending_council_meeting_without_interrupting_it() {
        BoundaryEvent timer = model("unsc-agenda").getModelElementById("escalation-timer");

        assertThat(timer.cancelActivity()).isFalse();
        assertThat(timer.getAttachedTo().getId()).isEqualTo("council-meeting-pending");
        TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
        assertThat(definition.getTimeDuration().getTextContent()).isEqualTo("P6M");
    }

    @Test
    void the_vote_outcome_decision_has_a_history_time_to_live() throws IOException {
        try (InputStream file = resource("vote-outcome.dmn")) {
            DmnModelInstance dmn = Dmn.readModelFromStream(file);
            Decision decision = dmn.getModelElementById("vote-outcome");
            assertThat(decision.getName()).isEqualTo("Vote outcome");
            assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("P90D");
        }
    }

    /** The fields of the follow-up of a commission of inquiry and of the forums it calls (SPEC §3). */
    private static Map<String, List<String>> followUpContract() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("report-published", List.of(
                "reportSymbol string required maxlength=100", "publishedOn date required origin=true"));
        expected.put("draft-hrc-resolution", List.of("leadSponsors names required minlength=1 suggest=memberStates",
                "endorsesFindings boolean required", "requestsTransmissionToGeneralAssembly boolean required",
                "createsFieldStructure boolean required"));
        expected.put("record-hrc-vote", List.of("hrc vote required"));
        expected.put("review-hrc-strategy", List.of("decision enum(REDRAFT|ABANDON) required", "note string maxlength=4000"));
        expected.put("draft-unga-resolution", List.of("coSponsors names required minlength=1 suggest=memberStates",
                "endorsesFindings boolean required", "encouragesIccReferral boolean required"));
        expected.put("organize-side-event", List.of("held boolean required", "date date requiredWhen=held",
                "host string maxlength=200 requiredWhen=held", "level string maxlength=200 requiredWhen=held"));
        expected.put("record-third-committee-vote", List.of("thirdCommittee vote required"));
        expected.put("record-plenary-vote", List.of("plenary vote required"));
        expected.put("convene-arria-meeting", List.of("held boolean required", "date date requiredWhen=held",
                "conveners names minlength=1 suggest=memberStates requiredWhen=held"));
        expected.put("file-agenda-request", List.of("date date required",
                "signatories names required minlength=1 maxlength=15 suggest=councilMembers", "symbol string maxlength=100",
                "withdrawn boolean", "note string maxlength=4000"));
        expected.put("reconsider-council-strategy", List.of("decision enum(RETRY|CLOSE_TRACK) required",
                "note string maxlength=4000"));
        expected.put("record-procedural-vote", List.of("councilAgenda vote required"));
        expected.put("hold-council-meeting", List.of("date date required", "tableResolution boolean required"));
        expected.put("table-council-resolution", List.of("date date required",
                "subject enum(ICC_REFERRAL|TARGETED_SANCTIONS|OTHER) required", "sponsors names required minlength=1 suggest=memberStates"));
        expected.put("record-council-vote", List.of("councilResolution vote required"));
        expected.put("propose-out-of-cycle-ga-resolution", List.of("decision enum(PROPOSE|DECLINE) required",
                "note string maxlength=4000"));
        expected.put("review-campaign", List.of("summary string required maxlength=4000"));
        return expected;
    }

    /** The fields of the seed templates: the letter, the UPR, the field structure, Rights Up Front, the contact group. */
    private static Map<String, List<String>> seedTemplatesContract() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("letter-proposed", List.of("addressee string required maxlength=300",
                "request string required maxlength=1000"));
        expected.put("draft-letter", List.of("subject string required maxlength=300", "asks string maxlength=4000",
                "drafters names minlength=1"));
        expected.put("gather-signatories", List.of("signatories names required minlength=1 maxlength=500",
                "note string maxlength=4000"));
        expected.put("approve-letter", List.of("decision enum(SEND|GATHER_MORE|DROP) required",
                "note string maxlength=4000"));
        expected.put("send-letter", List.of("date date required", "channel string maxlength=200",
                "published boolean"));
        expected.put("record-answer", List.of("answered boolean required", "date date requiredWhen=answered",
                "answer enum(GRANTED|DECLINED|PARTLY) requiredWhen=answered", "note string maxlength=4000"));
        expected.put("record-what-followed", List.of("date date", "followUp string required maxlength=4000",
                "decision enum(CLOSE|NEW_LETTER) required"));
        expected.put("review-scheduled", List.of("stateUnderReview string required maxlength=200",
                "reviewDate date required", "cycle long min=1 max=10"));
        expected.put("lobby-recommending-states", List.of("states names required minlength=1 suggest=memberStates",
                "recommendationsProposed long min=0", "note string maxlength=4000"));
        expected.put("submit-stakeholder-report", List.of("submitted boolean required", "date date",
                "submitters names minlength=1", "summarySymbol string maxlength=100"));
        expected.put("record-review", List.of("date date required", "recommendations long min=0",
                "recommendingStates long min=0", "reportSymbol string maxlength=100", "reportAdoptedOn date"));
        expected.put("record-state-responses", List.of("supported long required min=0", "noted long required min=0",
                "date date", "symbol string maxlength=100", "note string maxlength=4000"));
        expected.put("record-outcome-adoption", List.of("upr vote required rule=hrc"));
        expected.put("prepare-mid-term-follow-up", List.of("notedToPursue long required min=0",
                "note string maxlength=4000"));
        expected.put("lobby-on-noted-recommendations", List.of("states names required minlength=1 suggest=memberStates",
                "date date", "note string maxlength=4000"));
        expected.put("submit-mid-term-report", List.of("date date required", "symbol string maxlength=100",
                "implemented long min=0", "note string maxlength=4000"));
        expected.put("structure-recommended", List.of("reportSymbol string required maxlength=100",
                "recommendedOn date required origin=true"));
        expected.put("record-mandate-vote", List.of("mandate vote required rule=hrc"));
        expected.put("review-mandate-strategy", List.of("decision enum(RETRY|ABANDON) required",
                "note string maxlength=4000"));
        expected.put("recruit-staff", List.of("staffed boolean required", "staffCount long min=0",
                "headOfOffice string maxlength=200", "note string maxlength=4000"));
        expected.put("negotiate-host-agreement", List.of("hostCountry string required maxlength=200",
                "agreed boolean required", "date date", "note string maxlength=4000"));
        expected.put("open-structure", List.of("date date required", "location string required maxlength=200"));
        expected.put("record-structure-report", List.of("date date required", "symbol string maxlength=100",
                "forum enum(HRC|GENERAL_ASSEMBLY|PUBLIC) required", "continueReporting boolean required"));
        expected.put("engagement-planned", List.of("country string required maxlength=200",
                "startedOn date required origin=true"));
        expected.put("name-agencies", List.of("agencies names required minlength=1 maxlength=30"));
        expected.put("meet-agency", List.of("agency string required maxlength=200", "date date required",
                "level string maxlength=200"));
        expected.put("record-agency-commitments", List.of("committed boolean required",
                "commitments string maxlength=4000 requiredWhen=committed"));
        expected.put("follow-up-agency-commitments", List.of("date date required",
                "implemented enum(YES|PARTLY|NO) required", "note string maxlength=4000"));
        expected.put("call-for-special-envoy", List.of("called boolean required", "date date requiredWhen=called",
                "callers names minlength=1 suggest=memberStates requiredWhen=called"));
        expected.put("record-envoy-answer", List.of("appointed boolean required", "date date",
                "envoy string maxlength=200 requiredWhen=appointed"));
        expected.put("contact-group-proposed", List.of("subject string required maxlength=300",
                "proposedOn date required origin=true"));
        expected.put("invite-states", List.of("invited names required minlength=1 suggest=memberStates",
                "date date required"));
        expected.put("record-acceptances", List.of("members names suggest=memberStates",
                "note string maxlength=4000"));
        expected.put("reconsider-contact-group", List.of("decision enum(INVITE_MORE|DROP) required",
                "note string maxlength=4000"));
        expected.put("hold-founding-meeting", List.of("date date required", "host string required maxlength=200",
                "attendees names required minlength=2 suggest=memberStates", "statementAgreed boolean required"));
        expected.put("issue-joint-statement", List.of("date date required",
                "signatories names required minlength=1 suggest=memberStates", "symbol string maxlength=100",
                "summary string maxlength=4000"));
        return expected;
    }

    @Test
    void the_task_fields_are_the_public_contract() {
        Map<String, List<String>> expected = new LinkedHashMap<>(followUpContract());
        expected.putAll(seedTemplatesContract());

        Map<String, List<String>> actual = new LinkedHashMap<>();
        templates().map(ProcessModelConventionsTest::model).forEach(model -> {
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (node instanceof UserTask || node instanceof StartEvent && !fields(node).isEmpty()) {
                    actual.put(node.getId(), fields(node).stream().map(ProcessModelConventionsTest::signature).toList());
                }
            }
        });
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @ParameterizedTest
    @MethodSource("templates")
    void dates_are_declared_in_iso_format(String processId) {
        BpmnModelInstance model = model(processId);
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            fields(node).stream().filter(field -> field.getCamundaType().equals("date"))
                    .forEach(field -> assertThat(field.getCamundaDatePattern()).isEqualTo("yyyy-MM-dd"));
        }
    }

    private static List<CamundaFormField> fields(BaseElement element) {
        if (element.getExtensionElements() == null) {
            return List.of();
        }
        CamundaFormData form = element.getExtensionElements().getElementsQuery()
                .filterByType(CamundaFormData.class).list().stream().findFirst().orElse(null);
        return form == null ? List.of() : new ArrayList<>(form.getCamundaFormFields());
    }

    private static List<String> constraints(CamundaFormField field) {
        if (field.getCamundaValidation() == null) {
            return List.of();
        }
        return field.getCamundaValidation().getCamundaConstraints().stream()
                .map(c -> c.getCamundaConfig() == null ? c.getCamundaName() : c.getCamundaName() + "=" + c.getCamundaConfig())
                .toList();
    }

    private static String property(CamundaFormField field, String id) {
        if (field.getCamundaProperties() == null) {
            return null;
        }
        return field.getCamundaProperties().getCamundaProperties().stream()
                .filter(p -> id.equals(p.getCamundaId())).map(p -> p.getCamundaValue()).findFirst().orElse(null);
    }

    /** e.g. {@code "decision enum(RETRY|CLOSE_TRACK) required"}, {@code "date date requiredWhen=held"}. */
    private static String signature(CamundaFormField field) {
        StringBuilder signature = new StringBuilder(field.getCamundaId()).append(' ').append(field.getCamundaType());
        if (!field.getCamundaValues().isEmpty()) {
            signature.append(field.getCamundaValues().stream().map(CamundaValue::getCamundaId).collect(joining("|", "(", ")")));
        }
        constraints(field).forEach(c -> signature.append(' ').append(c));
        if (field.getCamundaProperties() != null) {
            field.getCamundaProperties().getCamundaProperties()
                    .forEach(p -> signature.append(' ').append(p.getCamundaId()).append('=').append(p.getCamundaValue()));
        }
        return signature.toString();
    }
}
