package org.advocacy.engine.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.support.HttpCampaigns.Look;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Templates are data (SPEC §3): a template that exists only as a BPMN file in the test resources
 * (processes/extra/sign-on-letter.bpmn, a coalition sign-on letter) is listed, launched, validated
 * and run to its end through the same HTTP contract, with no Java of its own.
 */
@AppTest
class ExtraTemplateIT extends ApiTest {

    private static final String TEMPLATE = "sign-on-letter";
    private static final String TEXT = "We, the undersigned organisations, urge the Security Council to refer "
            + "the situation in the DPRK to the International Criminal Court.";
    private static final List<String> THREE_SIGNATORIES =
            List.of("Human Rights Watch", "Amnesty International", "International Coalition to Stop Crimes against Humanity in North Korea");

    private static Map<String, Object> launchBody(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", TEMPLATE);
        body.put("title", title);
        body.put("addressee", "President of the Security Council");
        return body;
    }

    private String launch() {
        return campaigns.launch(launchBody("Sign-on letter " + UUID.randomUUID()));
    }

    private static JsonNode byKey(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }

    private static void assertField(JsonNode fields, String id, String type, boolean required) {
        JsonNode field = byKey(fields, "id", id);
        assertThat(field.path("type").asText()).as("type of %s", id).isEqualToIgnoringCase(type);
        assertThat(field.path("required").asBoolean()).as("required %s", id).isEqualTo(required);
    }

    private static void assertInvalid(Answer answer, String detailPart) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.detail()).contains(detailPart);
        assertThat(answer.body().path("problems").isArray()).isTrue();
    }

    @Test
    void the_follow_up_template_lists_its_sixteen_tasks_in_the_order_its_paths_reach_them() {
        JsonNode followUp = null;
        for (JsonNode template : api.get("coordinator", "/api/templates").body()) {
            if (template.get("key").asText().equals("coi-follow-up")) {
                followUp = template;
            }
        }
        assertThat(followUp).isNotNull();
        assertThat(followUp.get("startFields").findValuesAsText("id")).containsExactly("reportSymbol", "publishedOn");
        assertThat(followUp.get("tasks").findValuesAsText("key")).containsExactly(
                "draft-hrc-resolution", "record-hrc-vote", "review-hrc-strategy",
                "draft-unga-resolution", "organize-side-event", "record-third-committee-vote", "record-plenary-vote",
                "convene-arria-meeting", "file-agenda-request", "record-procedural-vote",
                "reconsider-council-strategy", "propose-out-of-cycle-ga-resolution", "hold-council-meeting",
                "table-council-resolution", "record-council-vote", "review-campaign");
    }

    @Test
    void the_templates_list_the_sign_on_letter_with_its_start_field_and_both_tasks_with_their_fields() {
        Answer templates = api.get("coordinator", "/api/templates");
        assertThat(templates.status()).isEqualTo(200);
        assertThat(texts(templates.body(), "key")).contains("coi-follow-up", TEMPLATE);

        JsonNode letter = byKey(templates.body(), "key", TEMPLATE);
        assertThat(letter.path("name").asText()).isEqualTo("Sign-on letter (test template)");

        JsonNode start = letter.path("startFields");
        assertThat(texts(start, "id")).containsExactly("addressee");
        assertField(start, "addressee", "string", true);
        assertThat(byKey(start, "id", "addressee").path("origin").asBoolean()).isFalse();

        JsonNode tasks = letter.path("tasks");
        assertThat(texts(tasks, "key")).containsExactlyInAnyOrder("draft-letter", "send-letter");

        JsonNode draft = byKey(tasks, "key", "draft-letter");
        assertThat(draft.path("role").asText()).isEqualTo("COORDINATOR");
        assertThat(draft.path("forum").asText()).isEqualTo(TEMPLATE);
        assertThat(texts(draft.path("fields"), "id")).containsExactly("text", "signatories");
        assertField(draft.path("fields"), "text", "string", true);
        assertThat(byKey(draft.path("fields"), "id", "text").path("max").asLong()).isEqualTo(5000);
        assertField(draft.path("fields"), "signatories", "names", true);
        assertThat(byKey(draft.path("fields"), "id", "signatories").path("min").asLong()).isEqualTo(1);

        JsonNode send = byKey(tasks, "key", "send-letter");
        assertThat(send.path("role").asText()).isEqualTo("COORDINATOR");
        assertThat(texts(send.path("fields"), "id")).containsExactly("date", "recipients");
        assertField(send.path("fields"), "date", "date", true);
        assertField(send.path("fields"), "recipients", "names", true);
    }

    @Test
    void a_letter_with_three_signatories_is_sent_and_the_campaign_closes() {
        Answer launched = api.post("coordinator", "/api/campaigns", launchBody("Three signatories " + UUID.randomUUID()));
        assertThat(launched.status()).as("%s", launched.body()).isEqualTo(201);
        String id = launched.body().path("id").asText();
        assertThat(launched.body().path("template").asText()).isEqualTo(TEMPLATE);
        assertThat(launched.body().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(launched.body().path("fields").path("addressee").asText()).isEqualTo("President of the Security Council");
        assertThat(texts(launched.body().path("activeTasks"), "key")).containsExactly("draft-letter");

        campaigns.step(id, "draft-letter", Map.of("text", TEXT, "signatories", THREE_SIGNATORIES));
        assertThat(campaigns.activeTaskKeys(id)).containsExactly("send-letter");
        campaigns.step(id, "send-letter", Map.of("date", "2014-12-10",
                "recipients", List.of("President of the Security Council", "Permanent Mission of France")));

        JsonNode campaign = campaigns.campaign(id);
        assertThat(campaign.path("status").asText()).isEqualTo("CLOSED");
        assertThat(campaign.path("stage").asText()).isEqualTo("closed");
        assertThat(campaign.path("activeTasks")).isEmpty();
        assertThat(campaign.path("outcomes").size()).isZero();

        List<String> types = campaigns.eventTypes(id);
        assertThat(types.get(0)).isEqualTo("CampaignLaunched");
        assertThat(types.stream().filter("StepCompleted"::equals)).hasSize(2);
        assertThat(types.get(types.size() - 1)).isEqualTo("CampaignClosed");
        JsonNode drafted = campaigns.history(id).findParents("taskKey").stream()
                .filter(payload -> payload.path("taskKey").asText().equals("draft-letter")
                        && payload.has("fields"))
                .findFirst().orElseThrow();
        assertThat(drafted.path("fields").path("signatories")).hasSize(3);
        assertThat(drafted.path("fields").path("text").asText()).isEqualTo(TEXT);
        assertThat(api.get("manager", "/api/campaigns/" + id + "/verify").body().path("valid").asBoolean()).isTrue();
    }

    @Test
    void a_letter_with_two_signatories_is_not_held_and_the_campaign_closes_without_sending_it() {
        String id = launch();

        campaigns.step(id, "draft-letter", Map.of("text", TEXT, "signatories", THREE_SIGNATORIES.subList(0, 2)));

        JsonNode campaign = campaigns.campaign(id);
        assertThat(campaign.path("status").asText()).isEqualTo("CLOSED");
        assertThat(campaign.path("activeTasks")).isEmpty();
        assertThat(campaign.path("outcomes").size()).isEqualTo(1);
        assertThat(campaign.path("outcomes").path("letter").asText()).isEqualTo("NOT_HELD");
        JsonNode history = campaigns.history(id);
        assertThat(history.findValuesAsText("taskKey")).doesNotContain("send-letter");
        assertThat(campaigns.eventTypes(id)).endsWith("CampaignClosed");
    }

    @Test
    void its_tasks_are_validated_from_the_declaration_like_any_other_template() {
        String id = launch();
        String draft = campaigns.awaitTask(id, "draft-letter");
        Look before = campaigns.look(id);

        assertInvalid(api.post("coordinator", "/api/tasks/" + draft + "/complete",
                Map.of("signatories", THREE_SIGNATORIES)), "text is required");
        assertInvalid(api.post("coordinator", "/api/tasks/" + draft + "/complete",
                Map.of("text", TEXT, "signatories", THREE_SIGNATORIES, "deadline", "2014-12-01")), "unknown field deadline");
        assertInvalid(api.post("coordinator", "/api/tasks/" + draft + "/complete",
                Map.of("text", "x".repeat(5001), "signatories", THREE_SIGNATORIES)), "text must have at most 5000 characters");
        assertInvalid(api.post("coordinator", "/api/tasks/" + draft + "/complete",
                Map.of("text", TEXT, "signatories", List.of())), "signatories must name at least 1");
        assertInvalid(api.post("coordinator", "/api/tasks/" + draft + "/complete",
                Map.of("text", TEXT, "signatories", "Human Rights Watch")), "signatories must be a list of names");

        assertThat(campaigns.look(id)).isEqualTo(before);

        campaigns.step(id, "draft-letter", Map.of("text", TEXT, "signatories", THREE_SIGNATORIES));
        String send = campaigns.awaitTask(id, "send-letter");
        assertInvalid(api.post("coordinator", "/api/tasks/" + send + "/complete",
                Map.of("recipients", List.of("President of the Security Council"))), "date is required");
        assertInvalid(api.post("coordinator", "/api/tasks/" + send + "/complete",
                Map.of("date", "10 December 2014", "recipients", List.of("President of the Security Council"))),
                "date must be a date");
        assertThat(campaigns.activeTaskKeys(id)).containsExactly("send-letter");
    }

    @Test
    void launching_it_is_validated_from_its_start_field() {
        Map<String, Object> withoutAddressee = launchBody("No addressee " + UUID.randomUUID());
        withoutAddressee.remove("addressee");
        assertInvalid(api.post("coordinator", "/api/campaigns", withoutAddressee), "addressee is required");

        Map<String, Object> withAnotherTemplatesField = launchBody("Other field " + UUID.randomUUID());
        withAnotherTemplatesField.put("publishedOn", "2014-02-17");
        assertInvalid(api.post("coordinator", "/api/campaigns", withAnotherTemplatesField), "unknown field publishedOn");
    }
}
