package org.advocacy.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.workflow.TemplateChecks.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Templates are checked before they are deployed: the app's own pass, and each defect that a
 * template author meets is refused naming the file, the element and the problem.
 */
class TemplateChecksTest {

    private static final String FILE = "earlier-facts.bpmn";

    @Test
    void the_apps_own_templates_and_the_test_templates_pass() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.bpmn")) {
            files.put(resource.getFilename(), resource.getContentAsByteArray());
        }
        assertThat(files).containsKeys("coi-follow-up.bpmn", "unsc-agenda.bpmn", "upr-follow-up.bpmn", FILE);

        assertThat(TemplateChecks.check(files)).isEmpty();
    }

    @Test
    void an_expression_naming_what_no_task_upstream_declares_is_refused() {
        assertThat(defects("${held and facts['record-meeting.statesAttendingCount'] &gt;= 3}",
                "${helt and facts['record-meeting.statesAttendingCount'] &gt;= 3}"))
                .containsExactly(new Problem(FILE, "flow-meeting-gateway-to-plan-follow-up",
                        "the expression ${helt and facts['record-meeting.statesAttendingCount'] >= 3} names helt,"
                                + " which no task upstream declares (nor the start form, a decision or a called process)"));
        // the plan is recorded downstream of the gateway, not before it
        assertThat(defects("${!held or", "${!plan or")).singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("names plan, which no task upstream declares"));
    }

    @Test
    void a_user_task_without_a_role_or_fields_and_a_field_without_a_label_or_a_known_type_are_refused() {
        assertThat(defects("id=\"write-summary\" name=\"Write the summary\" camunda:candidateGroups=\"COORDINATOR\"",
                "id=\"write-summary\" name=\"Write the summary\"")).singleElement()
                .isEqualTo(new Problem(FILE, "write-summary",
                        "the user task has no role: name one with camunda:candidateGroups (COORDINATOR or MANAGER)"));
        assertThat(defects("<camunda:formField id=\"summary\" label=\"Summary\" type=\"string\">",
                "<camunda:formField id=\"summary\" type=\"text\">"))
                .extracting(Problem::problem).containsExactly("the field summary has no label: the form would show a bare id",
                        "the field summary has the unknown type text; known types: [string, long, boolean, date, enum, names, vote]");
    }

    @Test
    void a_user_task_that_records_nothing_is_refused() {
        String fields = template().substring(template().indexOf("<camunda:formField id=\"summary\""),
                template().indexOf("</camunda:formData>", template().indexOf("<camunda:formField id=\"summary\"")));
        assertThat(defects(fields, "")).singleElement().isEqualTo(new Problem(FILE, "write-summary",
                "the user task declares no fields: give it a camunda:formData with what it records"));
    }

    @Test
    void a_process_without_history_time_to_live_is_refused() {
        assertThat(defects(" camunda:historyTimeToLive=\"P1D\"", "")).extracting(Problem::element, Problem::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("earlier-facts",
                        "the process has no camunda:historyTimeToLive (how long the workflow's own history is kept, e.g. P90D)"));
    }

    @Test
    void a_vote_under_an_unknown_rule_or_followed_by_no_decision_is_refused() {
        String vote = "<camunda:formField id=\"held\" label=\"Held\" type=\"boolean\">";
        List<Problem> problems = defects(vote, "<camunda:formField id=\"meetingVote\" label=\"Vote\" type=\"vote\">");
        assertThat(problems).extracting(Problem::problem).contains(
                "the vote meetingVote names no known rule (meetingVote); known rules: [hrc, thirdCommittee, plenary, councilAgenda, councilResolution]",
                "the vote meetingVote is followed by no business rule task calling the vote-outcome decision,"
                        + " so no outcome would ever be decided for it");
    }

    @Test
    void a_forecast_that_names_no_vote_and_backers_that_name_no_names_field_are_refused() {
        String task = "id=\"write-summary\" name=\"Write the summary\" camunda:candidateGroups=\"COORDINATOR\">\n"
                + "      <bpmn:extensionElements>";
        assertThat(defects(task, task + "<camunda:properties><camunda:property name=\"forecast\" value=\"councilAgenda\" />"
                + "<camunda:property name=\"backers\" value=\"summary\" /></camunda:properties>"))
                .extracting(Problem::element, Problem::problem).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("write-summary",
                                "the task's forecast names councilAgenda, which is no vote field of this file"),
                        org.assertj.core.groups.Tuple.tuple("write-summary",
                                "the task's backers names summary, which is no names field of this task"));
    }

    @Test
    void a_file_that_is_no_bpmn_is_refused_by_name() {
        assertThat(TemplateChecks.check(Map.of("notes.bpmn", "not xml".getBytes(StandardCharsets.UTF_8))))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.file()).isEqualTo("notes.bpmn");
                    assertThat(problem.problem()).startsWith("not a BPMN 2.0 file that can be read");
                });
    }

    private static List<Problem> defects(String original, String replacement) {
        String template = template();
        assertThat(template).contains(original);
        return TemplateChecks.check(Map.of(FILE, template.replace(original, replacement).getBytes(StandardCharsets.UTF_8)));
    }

    private static String template() {
        return org.advocacy.engine.support.TestTemplates.read(FILE);
    }
}
