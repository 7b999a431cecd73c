package org.advocacy.engine.reference;

import static org.advocacy.engine.support.CouncilFiles.ELECTED_2019;
import static org.advocacy.engine.support.CouncilFiles.SOURCE_2019;
import static org.advocacy.engine.support.CouncilFiles.council;
import static org.advocacy.engine.support.HttpCampaigns.PUBLISHED_ON;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.advocacy.engine.support.ApiClient.Answer;
import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.support.CouncilFiles;
import org.advocacy.engine.support.Hostile;
import org.advocacy.engine.votes.PermanentMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An ADMIN loads the Security Council of a year after the shipped ones while the app runs: the
 * app, and any other reader of the same database, knows it at once, a vote's form checks its
 * names against it, and a year loaded before is replaced whole. A shipped year, a bad file, a
 * missing source and a non-admin are refused, and nothing is written.
 */
@AppTest
class CouncilYearsIT extends ApiTest {

    private static final String SOURCE = SOURCE_2019;
    private static final String COUNCIL_2019 = council(2019, ELECTED_2019);

    @Autowired
    UnMembership membership;
    @Autowired
    LoadedCouncilYears loadedYears;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void forgetTheLoadedYears() {
        CouncilFiles.forgetLoadedYears();
    }

    @Test
    void an_admin_loads_2019_which_the_app_lists_and_a_vote_form_then_checks_names_against() {
        UnMembership anotherInstance = UnMembership.fromClasspath(loadedYears);
        assertThat(anotherInstance.councilMembers(2019)).as("before the load").isEmpty();

        Answer loaded = load("admin", COUNCIL_2019, SOURCE, "text/csv");

        assertThat(loaded.status()).as("%s", loaded.body()).isEqualTo(201);
        assertThat(loaded.body().path("years").toString()).isEqualTo("[2019]");
        assertThat(loaded.body().path("source").asText()).isEqualTo(SOURCE);
        List<String> members = new ArrayList<>(PermanentMembers.IN_ORDER);
        members.addAll(ELECTED_2019);
        assertThat(membership.councilMembers(2019)).containsExactlyElementsOf(members);
        assertThat(membership.councilYears()).containsExactly(2014, 2015, 2016, 2017, 2018, 2019);
        assertThat(anotherInstance.councilMembers(2019)).as("a reader of the same database").containsExactlyElementsOf(members);

        JsonNode known = api.get("coordinator", "/api/reference/security-council").body();
        JsonNode year2019 = year(known, 2019);
        assertThat(year2019.path("shipped").asBoolean()).isFalse();
        assertThat(year2019.path("source").asText()).isEqualTo(SOURCE);
        assertThat(year2019.path("loadedBy").asText()).isEqualTo("admin");
        assertThat(texts(year2019.path("members"))).containsExactlyElementsOf(members);
        assertThat(year(known, 2018).path("shipped").asBoolean()).isTrue();
        assertThat(year(known, 2018).path("source").asText()).contains("reference/security-council.csv");

        JsonNode logged = api.get("admin", "/api/operations").body();
        assertThat(logged.toString()).contains("COUNCIL_YEARS_LOADED").contains(SOURCE);

        String campaign = campaigns.launchFollowUp("Council 2019 " + UUID.randomUUID(), PUBLISHED_ON);
        String request = campaigns.atAgendaRequest(campaign);
        Answer outsider = api.post("coordinator", "/api/tasks/" + request + "/complete", Map.of("date", "2019-02-01",
                "symbol", "S/2019/100", "signatories", List.of("Germany", "Sweden")));
        assertThat(outsider.status()).as("%s", outsider.body()).isEqualTo(400);
        assertThat(outsider.body().path("problems").toString()).contains("signatories names Sweden, which was not a member"
                + " of the Security Council in 2019");
        Answer members2019 = api.post("coordinator", "/api/tasks/" + request + "/complete", Map.of("date", "2019-02-01",
                "symbol", "S/2019/100", "signatories", List.of("Germany", "Côte d'Ivoire", "Kuwait")));
        assertThat(members2019.status()).as("%s", members2019.body()).isEqualTo(204);
    }

    @Test
    void a_year_loaded_before_is_replaced_whole() {
        List<String> wrong = new ArrayList<>(ELECTED_2019);
        wrong.set(wrong.indexOf("Kuwait"), "Sweden");
        assertThat(load("admin", council(2019, wrong), "a first, wrong reading", "text/plain").status()).isEqualTo(201);
        assertThat(membership.councilMembers(2019)).contains("Sweden");

        assertThat(load("admin", COUNCIL_2019, SOURCE, "text/csv; charset=utf-8").status()).isEqualTo(201);

        assertThat(membership.councilMembers(2019)).contains("Kuwait").doesNotContain("Sweden").hasSize(15);
        JsonNode year2019 = year(api.get("manager", "/api/reference/security-council").body(), 2019);
        assertThat(year2019.path("source").asText()).isEqualTo(SOURCE);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM council_year WHERE year = 2019", Integer.class)).isEqualTo(15);
    }

    @Test
    void a_shipped_year_a_bad_file_a_missing_source_and_a_non_admin_are_refused_and_nothing_is_written() {
        Answer shipped = Hostile.nothingWritten(() -> load("admin", council(2018,
                membership.councilMembers(2018).subList(5, 15)), SOURCE, "text/csv"), "a shipped year");
        assertThat(shipped.status()).isEqualTo(400);
        assertThat(texts(shipped.body().path("problems"))).containsExactly("line 2: 2018 is shipped with the app"
                + " (reference/security-council.csv) and cannot be replaced by a loaded file");

        String bad = COUNCIL_2019.replace("2019,Kuwait,elected", "2019,Kuweit,elected") + "2019,Peru,elected\n";
        Answer refused = Hostile.nothingWritten(() -> load("admin", bad, SOURCE, "text/csv"), "a bad file");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(texts(refused.body().path("problems"))).containsExactly(
                "line 2: 2019 has 9 elected members; the Council has 10 in every year",
                "line 13: Kuweit is not the short name of a member state in reference/member-states.csv",
                "line 17: Peru is listed twice for 2019");

        Answer sourceless = Hostile.nothingWritten(() -> load("admin", COUNCIL_2019, " ", "text/csv"), "no source");
        assertThat(sourceless.status()).isEqualTo(400);
        assertThat(sourceless.body().path("problems").get(0).asText()).startsWith("source is required");

        Answer notUtf8 = Hostile.nothingWritten(() -> api.send("admin", java.net.http.HttpRequest.newBuilder(
                        api.uri("/api/admin/reference/security-council?source=x")).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[]{(byte) 0xC3, (byte) 0x28}))), "not UTF-8");
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.body().path("problems").get(0).asText()).contains("UTF-8");

        assertThat(Hostile.nothingWritten(() -> load("coordinator", COUNCIL_2019, SOURCE, "text/csv"), "a coordinator")
                .status()).isEqualTo(403);
        assertThat(Hostile.nothingWritten(() -> load("manager", COUNCIL_2019, SOURCE, "text/csv"), "a manager")
                .status()).isEqualTo(403);
        assertThat(membership.councilMembers(2019)).isEmpty();
    }

    private Answer load(String user, String csv, String source, String contentType) {
        return api.postText(user, "/api/admin/reference/security-council?source="
                + URLEncoder.encode(source, StandardCharsets.UTF_8), contentType, csv);
    }

    private static JsonNode year(JsonNode known, int year) {
        for (JsonNode entry : known) {
            if (entry.path("year").asInt() == year) {
                return entry;
            }
        }
        throw new AssertionError("no " + year + " in " + known);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
