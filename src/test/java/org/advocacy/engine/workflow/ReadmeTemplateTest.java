package org.advocacy.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's worked example of a template passes the checks and runs as the README says. */
class ReadmeTemplateTest extends CampaignProcessTest {

    private String deployment;

    @BeforeEach
    void deployTheExample() throws IOException {
        deployment = engine.getRepositoryService().createDeployment()
                .addString("council-briefing.bpmn", example())
                .addClasspathResource("processes/vote-outcome.dmn").deploy().getId();
    }

    @AfterEach
    void removeIt() {
        engine.getRepositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void the_worked_example_passes_the_checks() throws IOException {
        assertThat(TemplateChecks.check(Map.of("council-briefing.bpmn", example().getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
    }

    @Test
    void the_briefing_is_due_a_week_before_the_meeting_and_eleven_votes_put_it_on_the_agenda() {
        ProcessInstance briefing = campaign.start("council-briefing",
                TaskFields.fields().date("meetingDate", LocalDate.of(2014, 12, 22)));

        assertThat(campaign.task("brief-members").getDueDate())
                .isEqualTo(Date.from(Instant.parse("2014-12-15T23:59:59Z")));
        campaign.complete("brief-members", TaskFields.fields().names("briefed", 10));
        campaign.complete("record-agenda-vote", TaskFields.vote("councilAgenda", 11, 2, 2));

        assertThat(briefing).hasPassed("decide-agenda", "on-the-agenda").isEnded();
    }

    /** The XML between the README's worked-example markers. */
    private static String example() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String block = readme.substring(readme.indexOf("<!-- worked-example:start -->"),
                readme.indexOf("<!-- worked-example:end -->"));
        return block.substring(block.indexOf("```xml") + "```xml".length(), block.lastIndexOf("```")).strip();
    }
}
