package org.advocacy.engine.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.advocacy.engine.CampaignEngineApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A template with a defect among those the app deploys at start stops the start, naming the file, element and problem. */
class CheckedTemplatesIT {

    @Test
    void the_app_does_not_start_with_a_template_whose_user_task_has_no_role() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CampaignEngineApplication.class).profiles("test")
                .run("--server.port=0", "--campaigns.embedded-database.directory=",
                        "--camunda.bpm.deployment-resource-pattern[0]=classpath*:processes/*.bpmn",
                        "--camunda.bpm.deployment-resource-pattern[1]=classpath*:broken-templates/*.bpmn").close())
                .rootCause().hasMessageContaining("templates refused before deployment")
                .hasMessageContaining("no-role.bpmn, element write-summary: the user task has no role");
    }
}
