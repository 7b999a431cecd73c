package org.advocacy.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.advocacy.engine.CampaignEngineApplication;
import org.advocacy.engine.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a new user meets: under the demo profile, three users and the finished 2014 campaign with a
 * real history; without it, no user and no default password at all.
 */
class ProfilesIT {

    @Test
    void under_the_demo_profile_the_2014_campaign_is_there_finished_and_a_new_one_can_start() {
        try (ConfigurableApplicationContext app = start("demo")) {
            ApiClient api = client(app);
            JsonNode campaigns = api.get("manager", "/api/campaigns").body();
            String id = null;
            for (JsonNode campaign : campaigns) {
                if (campaign.get("title").asText().equals("DPRK COI follow-up 2014")) {
                    assertThat(id).as("the sample campaign is loaded once").isNull();
                    id = campaign.get("id").asText();
                }
            }
            assertThat(id).as("the sample campaign").isNotNull();
            JsonNode sample = api.get("manager", "/api/campaigns/" + id).body();
            assertThat(sample.get("title").asText()).isEqualTo("DPRK COI follow-up 2014");
            assertThat(sample.get("status").asText()).isEqualTo("CLOSED");
            assertThat(sample.get("outcomes")).hasSize(4);
            sample.get("outcomes").forEach(outcome -> assertThat(outcome.asText()).isEqualTo("ADOPTED"));
            // its whip count of the procedural vote, assessed before the vote, against the result
            JsonNode compared = api.get("manager", "/api/campaigns/" + id + "/forecasts").body().path("compared").get(0);
            assertThat(compared.path("voteKey").asText()).isEqualTo("councilAgenda");
            assertThat(compared.path("comparison").path("matched").asInt()).isEqualTo(15);
            assertThat(compared.path("outcomeRight").asBoolean()).isTrue();

            JsonNode history = api.get("manager", "/api/campaigns/" + id + "/history?size=1000").body();
            assertThat(history.findValuesAsText("actor")).contains("coordinator", "manager");
            assertThat(history.findValuesAsText("type")).contains("VoteRecorded", "CampaignClosed");
            assertThat(api.get("manager", "/api/campaigns/" + id + "/verify").body().get("valid").asBoolean()).isTrue();

            assertThat(api.post("coordinator", "/api/campaigns", Map.of("template", "coi-follow-up",
                    "title", "A new follow-up", "reportSymbol", "A/HRC/25/63", "publishedOn", "2014-02-17")).status())
                    .isEqualTo(201);
            assertThat(api.get("admin", "/api/admin/projections/rebuild").status()).isEqualTo(200);
        }
    }

    @Test
    void without_the_demo_profile_nobody_can_sign_in_with_a_default_password() {
        try (ConfigurableApplicationContext app = start()) {
            ApiClient api = client(app);
            for (String user : new String[] {"coordinator", "manager", "admin", "user"}) {
                assertThat(api.get(user, "/api/campaigns").status()).as(user).isEqualTo(401);
            }
            assertThat(api.get(null, "/api/templates").status()).isEqualTo(401);
        }
    }

    private static ConfigurableApplicationContext start(String... profiles) {
        return new SpringApplicationBuilder(CampaignEngineApplication.class).profiles(profiles)
                .run("--server.port=0", "--campaigns.embedded-database.directory=");
    }

    private static ApiClient client(ConfigurableApplicationContext app) {
        return new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }
}
