package org.advocacy.engine.whip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Members' positions are events of the campaign, and the forecast follows the body's rule: the
 * Security Council's procedural vote of 22 December 2014 (S/PV.7353), forecast from the members'
 * real votes, gives its real outcome; a change of three positions moves the count.
 */
@AppTest
class WhipCountIT extends ApiTest {

    private static final List<String> IN_FAVOUR_2014 = List.of("Argentina", "Australia", "Chile", "France", "Jordan",
            "Lithuania", "Luxembourg", "Republic of Korea", "Rwanda", "United Kingdom", "United States");

    @Test
    void the_december_2014_procedural_vote_forecast_from_the_members_real_votes_is_adopted() {
        String campaign = campaigns.launchFollowUp("Whip count 2014", HttpCampaigns.PUBLISHED_ON);
        Answer assessed = api.post("coordinator", "/api/campaigns/" + campaign + "/positions/councilAgenda",
                Map.of("year", 2014, "positions", real2014()));
        assertThat(assessed.status()).as("%s", assessed.body()).isEqualTo(204);

        JsonNode forecast = api.get("manager", "/api/campaigns/" + campaign + "/forecast/councilAgenda?year=2014").body();
        assertThat(forecast.path("rule").asText()).isEqualTo("councilAgenda");
        assertThat(forecast.path("electorate").asInt()).isEqualTo(15);
        assertThat(forecast.path("forecast").path("likely").path("inFavour").asInt()).isEqualTo(11);
        assertThat(forecast.path("forecast").path("likelyOutcome").asText()).isEqualTo("ADOPTED");
        assertThat(forecast.path("forecast").path("margin").asInt()).isEqualTo(2);
        assertThat(forecast.path("unassessed")).isEmpty();
        assertThat(positionEvents(campaign)).isEqualTo(15);

        // the same positions again record nothing; three members undecided leave it one short
        assertThat(api.post("coordinator", "/api/campaigns/" + campaign + "/positions/councilAgenda",
                Map.of("year", 2014, "positions", real2014())).status()).isEqualTo(204);
        assertThat(positionEvents(campaign)).isEqualTo(15);
        List<Map<String, Object>> doubts = new ArrayList<>();
        for (String member : List.of("Argentina", "Chile", "Jordan")) {
            doubts.add(Map.of("member", member, "position", "UNDECIDED", "note", "instructions awaited from the capital"));
        }
        assertThat(api.post("manager", "/api/campaigns/" + campaign + "/positions/councilAgenda",
                Map.of("year", 2014, "positions", doubts)).status()).isEqualTo(204);
        JsonNode moved = api.get("coordinator", "/api/campaigns/" + campaign + "/forecast/councilAgenda?year=2014").body();
        assertThat(moved.path("forecast").path("likelyOutcome").asText()).isEqualTo("REJECTED");
        assertThat(moved.path("forecast").path("changes").get(0).asText()).isEqualTo("1 more yes needed");
        assertThat(moved.path("positions").path("Chile").path("note").asText()).isEqualTo("instructions awaited from the capital");
        assertThat(positionEvents(campaign)).isEqualTo(18);
        assertThat(api.get("manager", "/api/campaigns/" + campaign + "/verify").body().path("valid").asBoolean()).isTrue();
    }

    @Test
    void a_member_who_does_not_vote_there_an_unknown_position_or_vote_is_refused_with_nothing_written() {
        String campaign = campaigns.launchFollowUp("Whip count refusals", HttpCampaigns.PUBLISHED_ON);
        HttpCampaigns.Look before = campaigns.look(campaign);
        String path = "/api/campaigns/" + campaign + "/positions/councilAgenda";

        Answer japan = api.post("coordinator", path, Map.of("year", 2014, "positions",
                List.of(Map.of("member", "France", "position", "YES"), Map.of("member", "Japan", "position", "YES"))));
        assertThat(japan.status()).isEqualTo(400);
        assertThat(japan.body().path("problems").get(0).asText()).contains("Japan is no member who votes", "2014");
        Answer maybe = api.post("coordinator", path, Map.of("year", 2014, "positions",
                List.of(Map.of("member", "France", "position", "MAYBE"))));
        assertThat(maybe.status()).isEqualTo(400);
        assertThat(api.post("coordinator", path, Map.of("positions", List.of(Map.of("member", "France", "position", "YES"))))
                .detail()).contains("2014");
        assertThat(api.post("coordinator", "/api/campaigns/" + campaign + "/positions/noSuchVote",
                Map.of("positions", List.of(Map.of("member", "France", "position", "YES")))).status()).isEqualTo(404);
        assertThat(api.post("admin", path, Map.of("year", 2014, "positions",
                List.of(Map.of("member", "France", "position", "YES")))).status()).isEqualTo(403);
        assertThat(campaigns.look(campaign)).isEqualTo(before);
    }

    private static List<Map<String, Object>> real2014() {
        List<Map<String, Object>> positions = new ArrayList<>();
        IN_FAVOUR_2014.forEach(member -> positions.add(position(member, "YES")));
        positions.add(position("China", "NO"));
        positions.add(position("Russian Federation", "NO"));
        positions.add(position("Chad", "ABSTAIN"));
        positions.add(position("Nigeria", "ABSTAIN"));
        return positions;
    }

    private static Map<String, Object> position(String member, String position) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("member", member);
        entry.put("position", position);
        entry.put("source", "S/PV.7353");
        return entry;
    }

    private long positionEvents(String campaign) {
        return campaigns.eventTypes(campaign).stream().filter("PositionAssessed"::equals).count();
    }
}
