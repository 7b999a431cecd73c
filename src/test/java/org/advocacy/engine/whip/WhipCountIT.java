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

    /**
     * The Human Rights Council's members change every year and ship with no file: they are entered
     * per campaign, 47 member states each once. These 47 are the first of the UN's list, standing
     * for a session's members; the rule, not the membership, is under test.
     */
    @Test
    void the_hrc_counts_the_47_members_entered_for_the_campaign_and_a_tie_fails() {
        String campaign = campaigns.launchFollowUp("Whip count HRC", HttpCampaigns.PUBLISHED_ON);
        String electorate = "/api/campaigns/" + campaign + "/electorate/hrc";
        List<String> states = org.advocacy.engine.reference.UnMembership.fromClasspath().memberStates();
        List<String> members = states.subList(0, 47);

        assertThat(api.get("coordinator", "/api/campaigns/" + campaign + "/forecast/hrc").detail())
                .contains("enter the Human Rights Council's 47 members");
        assertThat(api.post("coordinator", "/api/campaigns/" + campaign + "/positions/hrc",
                Map.of("positions", List.of(Map.of("member", "France", "position", "YES")))).status()).isEqualTo(400);
        Answer short46 = api.post("coordinator", electorate, Map.of("members", members.subList(0, 46)));
        assertThat(short46.body().path("problems").get(0).asText()).isEqualTo("the Human Rights Council has 47 members, not 46");
        List<String> twice = new ArrayList<>(members.subList(0, 46));
        twice.add(members.get(0));
        assertThat(api.post("coordinator", electorate, Map.of("members", twice)).body().path("problems").toString())
                .contains(members.get(0) + " is given twice");
        assertThat(api.post("coordinator", electorate, Map.of("members", List.of("Atlantis"))).body().path("problems")
                .get(0).asText()).isEqualTo("Atlantis is not a member state's short name");
        assertThat(api.post("coordinator", "/api/campaigns/" + campaign + "/electorate/plenary", Map.of("year", 2014))
                .detail()).contains("193 member states");
        assertThat(campaigns.eventTypes(campaign)).doesNotContain("ElectorateEntered");

        assertThat(api.post("coordinator", electorate, Map.of("members", members, "year", 2014)).status()).isEqualTo(204);
        List<Map<String, Object>> positions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            positions.add(Map.of("member", members.get(i), "position", i < 10 ? "YES" : "LEANING_YES"));
            positions.add(Map.of("member", members.get(20 + i), "position", i < 10 ? "NO" : "LEANING_NO"));
        }
        positions.add(Map.of("member", members.get(40), "position", "ABSTAIN"));
        assertThat(api.post("coordinator", "/api/campaigns/" + campaign + "/positions/hrc",
                Map.of("positions", positions)).status()).isEqualTo(204);
        JsonNode tie = api.get("coordinator", "/api/campaigns/" + campaign + "/forecast/hrc").body();
        assertThat(tie.path("electorate").asInt()).isEqualTo(47);
        assertThat(tie.path("year").asInt()).isEqualTo(2014);
        assertThat(tie.path("forecast").path("likely").path("inFavour").asInt()).isEqualTo(20);
        assertThat(tie.path("forecast").path("likely").path("against").asInt()).isEqualTo(20);
        assertThat(tie.path("forecast").path("likelyOutcome").asText()).isEqualTo("REJECTED");
        assertThat(tie.path("forecast").path("changes").get(0).asText()).isEqualTo("1 more yes needed (or 1 fewer no): a tie fails");
        assertThat(tie.path("unassessed")).hasSize(6);
        assertThat(api.post("coordinator", "/api/campaigns/" + campaign + "/positions/hrc",
                Map.of("positions", List.of(Map.of("member", states.get(100), "position", "YES")))).body()
                .path("problems").get(0).asText()).startsWith(states.get(100) + " is no member who votes in the Human Rights Council");

        // the General Assembly counts its 193 member states, with nothing to enter
        JsonNode plenary = api.get("coordinator", "/api/campaigns/" + campaign + "/forecast/plenary").body();
        assertThat(plenary.path("electorate").asInt()).isEqualTo(193);
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
