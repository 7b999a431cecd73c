package org.advocacy.engine.web;

import static org.advocacy.engine.support.HttpCampaigns.PUBLISHED_ON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.advocacy.engine.support.ApiClient;
import org.advocacy.engine.support.Hostile;
import org.advocacy.engine.support.HttpCampaigns;
import org.advocacy.engine.support.SharedApp;
import org.advocacy.engine.web.PageSession.Page;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input through the pages' forms, with the session and CSRF token of a signed-in user: a
 * form with a value that no field takes comes back with its messages (400), every value shown
 * again escaped, nothing written; an address or a return address made to break something is
 * answered with a message and a redirect that stays on this site.
 */
class HostileFormsIT {

    private static PageSession coordinator;
    private static PageSession manager;
    private static String draftTask;
    private static String voteTask;
    private static String whipPath;

    @BeforeContainer
    static void openTasksOnTheSharedApp() {
        int port = SharedApp.port();
        HttpCampaigns campaigns = new HttpCampaigns(new ApiClient(port));
        String campaign = campaigns.launchFollowUp("Hostile forms " + UUID.randomUUID(), PUBLISHED_ON);
        draftTask = campaigns.awaitTask(campaign, "draft-hrc-resolution");
        voteTask = campaigns.atHrcVote(campaigns.launchFollowUp("Hostile vote forms " + UUID.randomUUID(), PUBLISHED_ON));
        whipPath = "/campaigns/" + campaign + "/whip/councilAgenda";
        new ApiClient(port).post("coordinator", "/api/campaigns/" + campaign + "/electorate/councilAgenda",
                Map.of("year", 2014));
        coordinator = PageSession.signedIn(port, "coordinator");
        manager = PageSession.signedIn(port, "manager");
    }

    @Property(tries = 80)
    void a_task_form_with_a_value_no_field_takes_comes_back_with_its_messages_and_nothing_is_written(
            @ForAll("notYesOrNo") String endorses, @ForAll("names") List<String> sponsors,
            @ForAll("hostile") String other, @ForAll("extraFields") List<Map.Entry<String, String>> extra) {
        List<Map.Entry<String, String>> form = new ArrayList<>(extra);
        sponsors.forEach(name -> form.add(Map.entry("leadSponsors", name)));
        form.add(Map.entry("endorsesFindings", endorses));
        form.add(Map.entry("requestsTransmissionToGeneralAssembly", other));
        form.add(Map.entry("createsFieldStructure", "true"));

        Page page = submit(coordinator, "/tasks/" + draftTask, form);

        assertShownAgainWithMessages(page, form);
    }

    @Property(tries = 60)
    void a_vote_form_with_values_no_vote_takes_comes_back_with_its_messages_and_nothing_is_written(
            @ForAll("hostile") String date, @ForAll("hostile") String inFavour, @ForAll("hostile") String symbol) {
        List<Map.Entry<String, String>> form = List.of(Map.entry("date", date), Map.entry("inFavour", inFavour),
                Map.entry("against", "6"), Map.entry("abstaining", "11"), Map.entry("symbol", symbol));

        Page page = submit(coordinator, "/tasks/" + voteTask, form);

        assertShownAgainWithMessages(page, form);
    }

    @Property(tries = 60)
    void a_whip_count_grid_or_electorate_with_values_no_vote_takes_is_refused_on_its_page_and_nothing_is_written(
            @ForAll("hostile") String member, @ForAll("notAPosition") String position, @ForAll("hostile") String note,
            @ForAll("hostile") String year) {
        List<Map.Entry<String, String>> grid = List.of(Map.entry("member", "France"), Map.entry("position", position),
                Map.entry("note", note), Map.entry("source", note), Map.entry("member", member),
                Map.entry("position", "YES"), Map.entry("note", ""), Map.entry("source", ""), Map.entry("show", note));
        List<Map.Entry<String, String>> bulk = List.of(Map.entry("member", member), Map.entry("position", ""),
                Map.entry("pick", member), Map.entry("bulk", position), Map.entry("setTicked", "1"));
        List<Map.Entry<String, String>> electorate = List.of(Map.entry("year", year), Map.entry("members", note));
        for (Map.Entry<String, List<Map.Entry<String, String>>> form : List.of(Map.entry(whipPath, grid),
                Map.entry(whipPath, bulk), Map.entry(whipPath + "/electorate", electorate))) {
            Page page = Hostile.nothingWritten(() -> coordinator.post(form.getKey(), coordinator.csrf(whipPath),
                    form.getValue()), form.getKey());
            assertThat(page.status()).as("%s: %s", form.getKey(), page.body()).isEqualTo(302);
            assertThat(page.location()).as("redirect of %s", form.getKey()).matches("(http://localhost:\\d+)?"
                    + java.util.regex.Pattern.quote(whipPath) + "(\\?show=[A-Z_]+)?");
            Hostile.assertSecurityHeaders(page.headers(), form.getKey());
            Page shown = coordinator.get(page.location().replaceFirst("^http://localhost:\\d+", ""));
            assertThat(shown.body()).as("the refusal shown").contains("Nothing was recorded");
            for (String value : List.of(member, note)) {
                // long enough not to be some text of the page itself
                if (value.contains("<") && value.length() >= 8) {
                    assertThat(shown.body()).as("the value shown again").doesNotContain(value);
                }
            }
        }
        assertThat(coordinator.get(whipPath).status()).isEqualTo(200);
    }

    @Property(tries = 60)
    void a_start_form_with_values_no_field_takes_comes_back_with_its_messages_and_no_campaign_starts(
            @ForAll("hostile") String title, @ForAll("hostile") String symbol, @ForAll("hostile") String publishedOn) {
        List<Map.Entry<String, String>> form = List.of(Map.entry("template", "coi-follow-up"), Map.entry("title", title),
                Map.entry("reportSymbol", symbol), Map.entry("publishedOn", publishedOn));

        Page page = submit(coordinator, "/campaigns", form);

        assertShownAgainWithMessages(page, form);
    }

    @Property(tries = 60)
    void a_hostile_task_address_or_return_address_is_answered_with_a_redirect_home_and_nothing_is_written(
            @ForAll("actions") String action, @ForAll("hostile") String taskId, @ForAll("hostile") String returnTo) {
        PageSession session = action.equals("assign") ? manager : coordinator;
        String path = "/tasks/" + java.net.URLEncoder.encode(taskId, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + (action.isEmpty() ? "" : "/" + action);
        List<Map.Entry<String, String>> form = List.of(Map.entry("returnTo", returnTo), Map.entry("assignee", taskId));

        Page page = Hostile.nothingWritten(() -> session.post(path, session.csrf("/inbox"), form), path);

        assertThat(page.status()).as("%s: %s", path, page.body()).isIn(302, 400, 404);
        if (page.status() == 302) {
            assertThat(page.location()).as("redirect of %s", path).matches("(http://localhost:\\d+)?/[^/\\\\].*");
        } else {
            Hostile.assertNoTraceOfTheCode(page.body(), path);
        }
        Hostile.assertSecurityHeaders(page.headers(), path);
        assertThat(session.get("/inbox").status()).isEqualTo(200);
    }

    @Property(tries = 4)
    void a_form_over_the_size_limit_is_refused_413_with_the_error_page(@ForAll("overLimit") int size) {
        List<Map.Entry<String, String>> form = List.of(Map.entry("template", "coi-follow-up"),
                Map.entry("title", "x".repeat(size)));

        Page page = Hostile.nothingWritten(() -> coordinator.post("/campaigns", coordinator.csrf("/campaigns/new"), form),
                "a form of " + size + " characters");

        assertThat(page.status()).isEqualTo(413);
        assertThat(page.body()).contains("larger than this address accepts");
        Hostile.assertSecurityHeaders(page.headers(), "413");
        assertThat(coordinator.get("/inbox").status()).isEqualTo(200);
    }

    @Property(tries = 2)
    void a_chunked_form_over_the_size_limit_loses_its_csrf_token_and_is_refused_403_with_nothing_written(@ForAll("overLimit") int size) {
        List<Map.Entry<String, String>> form = List.of(Map.entry("template", "coi-follow-up"),
                Map.entry("title", "x".repeat(size)));

        Page page = Hostile.nothingWritten(() -> coordinator.postChunked("/campaigns",
                coordinator.csrf("/campaigns/new"), form), "a chunked form of " + size + " characters");

        assertThat(page.status()).as("%s", page.body()).isEqualTo(403);
        Hostile.assertSecurityHeaders(page.headers(), "a chunked form");
        assertThat(coordinator.get("/inbox").status()).isEqualTo(200);
    }

    @Provide
    Arbitrary<Integer> overLimit() {
        return Arbitraries.integers().between(1024 * 1024 + 1, 1024 * 1024 + 200_000);
    }

    @Provide
    Arbitrary<String> hostile() {
        return Hostile.strings();
    }

    @Provide
    Arbitrary<String> notYesOrNo() {
        return Hostile.strings().filter(text -> !List.of("true", "false", "yes", "no", "on").contains(text.strip()));
    }

    @Provide
    Arbitrary<String> notAPosition() {
        return Hostile.strings().filter(text -> org.advocacy.engine.votes.Position.named(text).isEmpty() && !text.isBlank());
    }

    @Provide
    Arbitrary<List<String>> names() {
        return Hostile.strings().list().ofMaxSize(4).uniqueElements();
    }

    @Provide
    Arbitrary<List<Map.Entry<String, String>>> extraFields() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of("actor", "assignee", "completedBy", "user", "_method"),
                Arbitraries.of("admin", "manager", "DELETE", "${7*7}")).as(Map::entry).list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> actions() {
        return Arbitraries.of("claim", "release", "assign", "");
    }

    private static Page submit(PageSession session, String path, List<Map.Entry<String, String>> form) {
        return Hostile.nothingWritten(() -> session.post(path, session.csrf(path.startsWith("/tasks/") ? path
                : "/campaigns/new"), form), path);
    }

    /** 400, the form again with a message, each value entered escaped, and the app still serving. */
    private static void assertShownAgainWithMessages(Page page, List<Map.Entry<String, String>> form) {
        String what = "the form " + form.toString().substring(0, Math.min(200, form.toString().length()));
        assertThat(page.status()).as("status of %s: %s", what, page.body()).isEqualTo(400);
        assertThat(page.body()).as(what).contains("<form").contains("class=\"field-error");
        for (Map.Entry<String, String> field : form) {
            // long enough not to be some text of the page itself
            if (field.getValue().contains("<") && field.getValue().length() >= 8) {
                assertThat(page.body()).as("the value of %s shown again", field.getKey()).doesNotContain(field.getValue());
            }
        }
        Hostile.assertNoTraceOfTheCode(page.body(), what);
        Hostile.assertSecurityHeaders(page.headers(), what);
        assertThat(coordinator.get("/inbox").status()).isEqualTo(200);
    }
}
