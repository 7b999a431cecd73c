package org.advocacy.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.Apps;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.support.TestTemplates;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** A template that an ADMIN deployed is still there, and still runs its campaigns, after the app restarts. */
class TemplateDeploymentRestartIT {

    @Test
    void a_template_deployed_at_run_time_outlives_a_restart() throws Exception {
        Path directory = Files.createTempDirectory("templates-restart-");
        String[] arguments = {"--spring.profiles.active=test", "--server.port=0",
                "--campaigns.embedded-database.directory=" + directory.resolve("postgres")};
        String bpmn = TestTemplates.renamed("earlier-facts.bpmn", "earlier-facts", "deployed-once");
        try {
            String campaign;
            try (ConfigurableApplicationContext first = Apps.start(arguments)) {
                ApiClient api = Apps.client(first);
                assertThat(api.postText("admin", "/api/admin/templates?file=deployed-once.bpmn", "application/xml", bpmn)
                        .status()).isEqualTo(201);
                campaign = new HttpCampaigns(api).launch(Map.of("template", "deployed-once", "title", "Before the restart"));
            }
            try (ConfigurableApplicationContext second = Apps.start(arguments)) {
                ApiClient api = Apps.client(second);
                assertThat(api.get("coordinator", "/api/templates").body().findValuesAsText("key")).contains("deployed-once");
                HttpCampaigns campaigns = new HttpCampaigns(api);
                campaigns.step(campaign, "record-meeting", Map.of("held", false, "statesAttending", java.util.List.of("Chile")));
                campaigns.step(campaign, "write-summary", Map.of("summary", "Not held"));
                assertThat(campaigns.campaign(campaign).path("status").asText()).isEqualTo("CLOSED");
                assertThat(campaigns.launch(Map.of("template", "deployed-once", "title", "After the restart"))).isNotBlank();
            }
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
    }

}
