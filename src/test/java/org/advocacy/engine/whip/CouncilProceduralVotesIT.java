package org.advocacy.engine.whip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.reference.UnMembership;
import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Security Council's procedural votes of December 2014, 2015, 2016 and 2017 on the human rights
 * situation in the DPRK, each in a campaign of its own: the members' real votes, entered as their
 * positions with the year's Council, forecast the real outcome; the vote recorded with the same
 * per-member votes compares 15 out of 15, and across the four campaigns the accuracy by year is
 * 100%. One member misjudged costs one of fifteen; eight backers warn before and at the request.
 */
@AppTest
class CouncilProceduralVotesIT extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UnMembership MEMBERSHIP = UnMembership.fromClasspath();

    @Test
    void each_year_s_real_positions_forecast_the_real_outcome_and_compare_at_one_hundred_percent() throws IOException {
        List<String> launched = new ArrayList<>();
        for (JsonNode year : votes()) {
            int councilYear = year.path("year").asInt();
            String campaign = campaigns.launchFollowUp("Procedural vote " + councilYear, HttpCampaigns.PUBLISHED_ON);
            launched.add(campaign);
            campaigns.atAgendaRequest(campaign);
            Answer assessed = api.post("coordinator", "/api/campaigns/" + campaign + "/positions/councilAgenda",
                    Map.of("year", councilYear, "positions", positions(year)));
            assertThat(assessed.status()).as("%s", assessed.body()).isEqualTo(204);

            JsonNode forecast = api.get("coordinator", "/api/campaigns/" + campaign + "/forecast/councilAgenda").body();
            assertThat(forecast.path("year").asInt()).isEqualTo(councilYear);
            assertThat(forecast.path("electorate").asInt()).isEqualTo(15);
            assertThat(forecast.path("forecast").path("likely").path("inFavour").asInt())
                    .isEqualTo(year.path("inFavour").asInt());
            assertThat(forecast.path("forecast").path("likelyOutcome").asText()).as("%d", councilYear).isEqualTo("ADOPTED");
            assertThat(forecast.path("forecast").path("margin").asInt()).isEqualTo(year.path("inFavour").asInt() - 9);
            assertThat(api.get("coordinator", "/api/campaigns/" + campaign + "/warnings").body())
                    .as("nine or more backers: nothing to warn of").isEmpty();

            campaigns.step(campaign, "file-agenda-request", year.path("request"));
            campaigns.step(campaign, "record-procedural-vote", recorded(year));

            JsonNode compared = api.get("manager", "/api/campaigns/" + campaign + "/forecasts").body();
            JsonNode comparison = compared.path("compared").get(0);
            assertThat(comparison.path("comparison").path("method").asText()).isEqualTo("PER_MEMBER");
            assertThat(comparison.path("comparison").path("compared").asInt()).isEqualTo(15);
            assertThat(comparison.path("comparison").path("matched").asInt()).isEqualTo(15);
            assertThat(comparison.path("comparison").path("misses")).isEmpty();
            assertThat(comparison.path("outcomeRight").asBoolean()).isTrue();
            assertThat(compared.path("accuracy").asDouble()).isEqualTo(1.0);
            assertThat(campaigns.eventTypes(campaign)).contains("ElectorateEntered", "PositionAssessed", "VoteRecorded");
        }

        JsonNode accuracy = api.get("manager", "/api/forecasts/accuracy").body();
        List<JsonNode> ours = new ArrayList<>();
        accuracy.path("votes").forEach(vote -> {
            if (launched.contains(vote.path("campaignId").asText())) {
                ours.add(vote);
            }
        });
        assertThat(ours).extracting(vote -> vote.path("date").asText())
                .containsExactly("2014-12-22", "2015-12-10", "2016-12-09", "2017-12-11");
        assertThat(ours).allSatisfy(vote -> assertThat(vote.path("accuracy").asDouble()).isEqualTo(1.0));
        List<Integer> years = new ArrayList<>();
        accuracy.path("byYear").forEach(year -> years.add(year.path("year").asInt()));
        assertThat(years).contains(2014, 2015, 2016, 2017);
    }

    @Test
    void a_member_misjudged_costs_one_of_fifteen_and_is_named() throws IOException {
        JsonNode year2015 = votes().get(1);
        String campaign = campaigns.launchFollowUp("Procedural vote 2015, one misjudged", HttpCampaigns.PUBLISHED_ON);
        campaigns.atAgendaRequest(campaign);
        List<Map<String, Object>> positions = positions(year2015);
        positions.replaceAll(entry -> entry.get("member").equals("Chad") ? position("Chad", "LEANING_YES") : entry);
        api.post("coordinator", "/api/campaigns/" + campaign + "/positions/councilAgenda",
                Map.of("year", 2015, "positions", positions));
        campaigns.step(campaign, "file-agenda-request", year2015.path("request"));
        campaigns.step(campaign, "record-procedural-vote", recorded(year2015));

        JsonNode comparison = api.get("coordinator", "/api/campaigns/" + campaign + "/forecasts").body()
                .path("compared").get(0).path("comparison");
        assertThat(comparison.path("matched").asInt()).isEqualTo(14);
        assertThat(comparison.path("misses").get(0).asText()).isEqualTo("Chad: expected LEANING_YES, voted ABSTAIN");
        assertThat(comparison.path("forecastOutcome").asText()).isEqualTo("ADOPTED");
    }

    @Test
    void eight_backers_warn_before_the_request_and_when_it_names_eight_but_nothing_is_refused() throws IOException {
        JsonNode year2016 = votes().get(2);
        String campaign = campaigns.launchFollowUp("Procedural vote, eight backers", HttpCampaigns.PUBLISHED_ON);
        String request = campaigns.atAgendaRequest(campaign);
        assertThat(api.get("coordinator", "/api/campaigns/" + campaign + "/warnings").body().get(0).path("warnings").get(0)
                .asText()).startsWith("no whip count yet");

        List<Map<String, Object>> positions = positions(year2016);
        positions.replaceAll(entry -> entry.get("member").equals("Uruguay") ? position("Uruguay", "UNDECIDED") : entry);
        api.post("coordinator", "/api/campaigns/" + campaign + "/positions/councilAgenda",
                Map.of("year", 2016, "positions", positions));
        JsonNode warned = api.get("coordinator", "/api/campaigns/" + campaign + "/warnings").body().get(0);
        assertThat(warned.path("taskKey").asText()).isEqualTo("file-agenda-request");
        assertThat(warned.path("warnings").get(0).asText())
                .isEqualTo("fewer than 9 backers forecast: 8 likely in favour, 1 more yes needed");

        List<String> eight = new ArrayList<>();
        year2016.path("request").path("signatories").forEach(name -> eight.add(name.asText()));
        eight.remove("Uruguay");
        assertThat(api.post("coordinator", "/api/tasks/" + request + "/claim", Map.of()).status()).isEqualTo(204);
        Answer filed = api.post("coordinator", "/api/tasks/" + request + "/complete",
                Map.of("date", "2016-12-01", "signatories", eight));
        assertThat(filed.status()).isEqualTo(204);
        assertThat(filed.headers().allValues("Warning"))
                .containsExactly("299 - \"only 8 backers named: the Procedural vote on the agenda needs 9 in favour, 1 more\"");
        assertThat(campaigns.activeTaskKeys(campaign)).contains("record-procedural-vote");
    }

    private static JsonNode votes() throws IOException {
        try (InputStream in = CouncilProceduralVotesIT.class.getResourceAsStream("/whip/council-procedural-votes.json")) {
            return JSON.readTree(in).path("votes");
        }
    }

    /** Each member of the year's Council at the vote it cast, the source cited. */
    private static List<Map<String, Object>> positions(JsonNode year) {
        List<Map<String, Object>> positions = new ArrayList<>();
        votesCast(year).forEach((member, vote) -> {
            Map<String, Object> entry = position(member, vote);
            entry.put("source", year.path("sources").get(1).asText());
            positions.add(entry);
        });
        return positions;
    }

    private static Map<String, String> votesCast(JsonNode year) {
        List<String> against = names(year.path("against"));
        List<String> abstaining = names(year.path("abstaining"));
        Map<String, String> cast = new LinkedHashMap<>();
        for (String member : MEMBERSHIP.councilMembers(year.path("year").asInt())) {
            cast.put(member, against.contains(member) ? "NO" : abstaining.contains(member) ? "ABSTAIN" : "YES");
        }
        assertThat(cast.values().stream().filter("YES"::equals).count()).as("the source's count in favour")
                .isEqualTo(year.path("inFavour").asLong());
        return cast;
    }

    private static Map<String, Object> recorded(JsonNode year) {
        Map<String, Object> vote = new LinkedHashMap<>();
        vote.put("date", year.path("vote").path("date").asText());
        if (year.path("vote").has("symbol")) {
            vote.put("symbol", year.path("vote").path("symbol").asText());
        }
        Map<String, String> cast = votesCast(year);
        vote.put("inFavour", year.path("inFavour").asInt());
        vote.put("against", year.path("against").size());
        vote.put("abstaining", year.path("abstaining").size());
        vote.put("permanentMembersAgainst", names(year.path("against")).stream()
                .filter(MEMBERSHIP.permanentMembers()::contains).toList());
        vote.put("votes", cast);
        return vote;
    }

    private static Map<String, Object> position(String member, String position) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("member", member);
        entry.put("position", position);
        return entry;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }
}
