package org.advocacy.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.TestTemplates;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An ADMIN deploys templates while the app runs: checked first, refused with the element named and
 * nothing deployed, listed with their versions; a campaign stays on its version until an ADMIN
 * migrates it, after a dry run that says which campaigns can move and why the others cannot.
 */
@AppTest
class TemplateDeploymentsIT extends ApiTest {

    @Autowired
    RuntimeService runtime;

    @Test
    void an_admin_deploys_a_template_that_coordinators_then_launch_and_a_defective_one_is_refused() {
        String key = "meeting-" + UUID.randomUUID().toString().substring(0, 8);
        Answer deployed = deploy(key + ".bpmn", template(key));
        assertThat(deployed.status()).as("%s", deployed.body()).isEqualTo(201);
        assertThat(deployed.body().path("versions").get(0).path("version").asInt()).isEqualTo(1);
        assertThat(version(key)).isEqualTo(1);
        String campaign = campaigns.launch(Map.of("template", key, "title", "Run-time template"));
        assertThat(campaigns.look(campaign).activeTasks()).singleElement().asString().contains("record-meeting");

        Answer again = deploy(key + ".bpmn", template(key));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("versions")).isEmpty();

        String broken = key + "-broken";
        Answer refused = deploy(broken + ".bpmn", template(broken).replace("${held and", "${helt and"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("problems").get(0).asText())
                .startsWith(broken + ".bpmn, element flow-meeting-gateway-to-plan-follow-up: the expression")
                .contains("names helt");
        assertThat(api.get("coordinator", "/api/templates").body().findValuesAsText("key")).doesNotContain(broken);

        assertThat(api.postText("coordinator", "/api/admin/templates?file=x.bpmn", "application/xml", template(key))
                .status()).isEqualTo(403);
        assertThat(deploy("../../etc/passwd", template(key)).status()).isEqualTo(400);
    }

    @Test
    void a_campaign_stays_on_its_version_until_a_migration_moves_it_after_a_dry_run() {
        String key = "meeting-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(deploy(key + ".bpmn", template(key)).status()).isEqualTo(201);
        String atRecord = campaigns.launch(Map.of("template", key, "title", "At the record"));
        String atSummary = campaigns.launch(Map.of("template", key, "title", "At the summary"));
        campaigns.step(atSummary, "record-meeting", Map.of("held", true, "statesAttending", List.of("France")));
        campaigns.awaitTask(atSummary, "write-summary");

        // version 2 renames the summary task: a campaign waiting at it cannot move, the other can
        String second = template(key).replace("id=\"write-summary\"", "id=\"write-report\"")
                .replace("sourceRef=\"write-summary\"", "sourceRef=\"write-report\"")
                .replace("targetRef=\"write-summary\"", "targetRef=\"write-report\"")
                .replace("name=\"Write the summary\"", "name=\"Write the report\"");
        Answer deployed = deploy(key + ".bpmn", second);
        assertThat(deployed.status()).as("%s", deployed.body()).isEqualTo(201);
        assertThat(version(key)).isEqualTo(2);
        assertThat(api.get("coordinator", "/api/templates").body().findValues("versions").stream()
                .filter(versions -> versions.size() == 2).count()).isPositive();
        assertThat(definitionVersion(atRecord)).isEqualTo(1);

        Answer dryRun = api.post("admin", "/api/admin/templates/" + key + "/migrations?dryRun=true", Map.of());
        assertThat(dryRun.status()).isEqualTo(200);
        JsonNode canMove = byCampaign(dryRun.body(), atRecord);
        JsonNode cannot = byCampaign(dryRun.body(), atSummary);
        assertThat(canMove.path("canMove").asBoolean()).isTrue();
        assertThat(canMove.path("moved").asBoolean()).isFalse();
        assertThat(cannot.path("canMove").asBoolean()).isFalse();
        assertThat(cannot.path("reason").asText()).contains("write-summary");
        assertThat(definitionVersion(atRecord)).isEqualTo(1);
        assertThat(types(atRecord)).doesNotContain("TemplateMigrated");

        Answer migrated = api.post("admin", "/api/admin/templates/" + key + "/migrations", Map.of());
        assertThat(byCampaign(migrated.body(), atRecord).path("moved").asBoolean()).isTrue();
        assertThat(byCampaign(migrated.body(), atSummary).path("moved").asBoolean()).isFalse();
        assertThat(definitionVersion(atRecord)).isEqualTo(2);
        assertThat(definitionVersion(atSummary)).isEqualTo(1);
        assertThat(types(atRecord)).containsOnlyOnce("TemplateMigrated");
        assertThat(api.get("manager", "/api/campaigns/" + atRecord + "/verify").body().path("valid").asBoolean()).isTrue();

        campaigns.step(atRecord, "record-meeting", Map.of("held", true, "statesAttending", List.of("France")));
        assertThat(campaigns.look(atRecord).activeTasks()).singleElement().asString().contains("write-report");
    }

    private Answer deploy(String file, String bpmn) {
        return api.postText("admin", "/api/admin/templates?file=" + file, "application/xml", bpmn);
    }

    private int version(String key) {
        for (JsonNode template : api.get("coordinator", "/api/templates").body()) {
            if (key.equals(template.path("key").asText())) {
                return template.path("version").asInt();
            }
        }
        return 0;
    }

    private int definitionVersion(String campaign) {
        String definition = runtime.createProcessInstanceQuery().processInstanceBusinessKey(campaign).singleResult()
                .getProcessDefinitionId();
        return Integer.parseInt(definition.split(":")[1]);
    }

    private static JsonNode byCampaign(JsonNode migrations, String campaign) {
        for (JsonNode migration : migrations) {
            if (campaign.equals(migration.path("campaignId").asText())) {
                return migration;
            }
        }
        throw new AssertionError("no migration for " + campaign + " in " + migrations);
    }

    private List<String> types(String campaign) {
        return campaigns.eventTypes(campaign);
    }

    /** The earlier-facts test template under another process id. */
    private static String template(String key) {
        return TestTemplates.renamed("earlier-facts.bpmn", "earlier-facts", key)
                .replace("id=\"earlier-facts-definitions\"", "id=\"" + key + "-definitions\"");
    }
}
