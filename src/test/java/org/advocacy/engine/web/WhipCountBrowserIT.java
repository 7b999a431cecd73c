package org.advocacy.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.support.BrowserTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The whip count in a real browser (issue 12): a coordinator chooses the Council of 2014 for the
 * procedural vote on the DPRK's human rights situation, sets the members' positions on the grid
 * (many at once, one by one, with the keyboard), watches the forecast turn from short of nine to
 * adopted and the request's task warn meanwhile; once the real vote of 22 December 2014 is recorded,
 * the grid, the campaign page and the accuracy page set the forecast against it: 15 of 15.
 */
class WhipCountBrowserIT extends BrowserTest {

    private static final String VOTE = "councilAgenda";
    private static final List<String> FIRST_EIGHT = List.of("Australia", "Chile", "France", "Jordan", "Lithuania",
            "Luxembourg", "United Kingdom", "United States");
    private static final List<String> LAST_THREE = List.of("Argentina", "Republic of Korea", "Rwanda");

    @Test
    void a_coordinator_whips_the_council_of_2014_the_forecast_turns_adopted_and_the_recorded_vote_matches_it() {
        String campaign = campaignForTheCoordinator("Whip count in the browser");
        String request = campaigns.atAgendaRequest(campaign);

        // The campaign page: the procedural vote has no forecast yet, and a link to its grid.
        open("/campaigns/" + campaign);
        WebElement panel = waitFor(By.cssSelector("#whip-count #forecast-" + VOTE));
        assertThat(panel.getText()).contains("Choose the year of the vote");
        panel.findElement(By.cssSelector("a.whip-link")).click();
        waitUntil("the grid of the procedural vote", () -> whipPath(campaign).equals(currentPath()));
        assertThat(waitFor(By.id("electorate-missing")).getText()).contains("Choose the year of the vote");
        assertThat(findAll(By.id("member-grid"))).as("no grid before the Council is known").isEmpty();

        // Who votes, with the keyboard: Tab to the year, choose it, Tab to the button, Enter.
        tabTo("electorate-year", 40);
        typeKeys(Keys.END);
        assertThat(new Select(find(By.id("electorate-year"))).getFirstSelectedOption().getText()).isEqualTo("2018");
        typeKeys("2014");
        assertThat(new Select(find(By.id("electorate-year"))).getFirstSelectedOption().getText()).isEqualTo("2014");
        tabTo("electorate-submit", 1);
        typeKeys(Keys.ENTER);
        assertThat(waitFor(By.id("flash")).getText()).contains("Entered who votes.");
        assertThat(find(By.id("electorate-entered")).getText()).isEqualTo("15 members entered (2014).");
        assertThat(findAll(By.id("electorate-missing"))).isEmpty();
        assertThat(findAll(By.cssSelector("#member-grid tbody tr"))).hasSize(15)
                .allSatisfy(row -> assertThat(row.getAttribute("class")).isEqualTo("pos-UNASSESSED"));

        // Eight ticked and set YES at once; four set with their own selects.
        for (String member : FIRST_EIGHT) {
            row(member).findElement(By.name("pick")).click();
        }
        new Select(find(By.id("bulk-position"))).selectByValue("YES");
        find(By.id("bulk-submit")).click();
        assertThat(waitFor(By.id("flash")).getText()).contains("Recorded the positions given");
        assertThat(FIRST_EIGHT).allSatisfy(member -> assertThat(positionOf(member)).isEqualTo("YES"));
        assertThat(row("China").getAttribute("class")).isEqualTo("pos-UNASSESSED");

        choose("China", "NO");
        choose("Russian Federation", "NO");
        choose("Chad", "ABSTAIN");
        choose("Nigeria", "ABSTAIN");
        find(By.id("positions-submit")).click();
        waitUntil("the four positions saved", () -> "pos-ABSTAIN".equals(row("Nigeria").getAttribute("class")));
        assertThat(positionOf("China")).isEqualTo("NO");
        assertThat(positionOf("Russian Federation")).isEqualTo("NO");
        assertThat(positionOf("Chad")).isEqualTo("ABSTAIN");
        assertThat(FIRST_EIGHT).as("saving the selects leaves the bulk positions")
                .allSatisfy(member -> assertThat(positionOf(member)).isEqualTo("YES"));

        // Eight in favour: one short of nine.
        WebElement forecast = find(By.id("forecast-" + VOTE));
        assertThat(forecast.getAttribute("data-likely-outcome")).isEqualTo("REJECTED");
        assertThat(forecast.getAttribute("data-margin")).isEqualTo("-1");
        assertThat(forecast.findElement(By.cssSelector(".forecast-counts")).getText())
                .isEqualTo("8 in favour, 2 against, 5 abstaining or undecided");
        assertThat(findAll(By.cssSelector("#forecast-" + VOTE + " .forecast-changes li")))
                .extracting(WebElement::getText).containsExactly("1 more yes needed");
        assertThat(forecast.getText()).contains("3 of 15 members not yet assessed");
        assertThat(find(By.id("show-UNASSESSED")).getText()).isEqualTo("Not assessed (3)");
        screenshot("whip-grid-short");

        // The request's task warns, and does not refuse.
        open("/tasks/" + request);
        assertThat(waitFor(By.id("task-warnings")).getText())
                .contains("fewer than 9 backers forecast: 8 likely in favour, 1 more yes needed");
        assertThat(find(By.id("forecast-" + VOTE)).getAttribute("data-likely-outcome")).isEqualTo("REJECTED");
        assertThat(findAll(By.id("task-form"))).as("the form is still offered").hasSize(1);
        screenshot("whip-task-warning");

        // The last three, with the keyboard on the grid: arrows and typing in the rows' selects.
        open(whipPath(campaign));
        waitFor(By.id("member-grid"));
        focusTickOf("Argentina");
        pressTab(1);
        assertThat(activeElement().getAttribute("aria-label")).isEqualTo("Position of Argentina");
        typeKeys(Keys.ARROW_DOWN);
        focusTickOf("Republic of Korea");
        pressTab(1);
        assertThat(activeElement().getAttribute("aria-label")).isEqualTo("Position of Republic of Korea");
        typeKeys("YES");
        focusTickOf("Rwanda");
        pressTab(1);
        assertThat(activeElement().getAttribute("aria-label")).isEqualTo("Position of Rwanda");
        typeKeys("Y");
        assertThat(LAST_THREE).as("the selects changed by keyboard")
                .allSatisfy(member -> assertThat(selected(member)).isEqualTo("YES"));
        tabTo("positions-submit", 80);
        typeKeys(Keys.ENTER);
        waitUntil("the last three saved", () -> "pos-YES".equals(row("Rwanda").getAttribute("class")));
        assertThat(LAST_THREE).allSatisfy(member -> assertThat(positionOf(member)).isEqualTo("YES"));

        // Eleven in favour: adopted with two to spare.
        forecast = find(By.id("forecast-" + VOTE));
        assertThat(forecast.getAttribute("data-likely-outcome")).isEqualTo("ADOPTED");
        assertThat(forecast.getAttribute("data-margin")).isEqualTo("2");
        assertThat(forecast.findElement(By.cssSelector(".forecast-margin")).getText())
                .isEqualTo("margin 2 over the nine needed");
        assertThat(findAll(By.cssSelector("#forecast-" + VOTE + " .forecast-changes li"))).isEmpty();
        assertThat(forecast.findElement(By.cssSelector(".forecast-holds")).isDisplayed()).isTrue();
        assertThat(find(By.id("show-UNASSESSED")).getText()).isEqualTo("Not assessed (0)");
        assertThat(find(By.id("show-YES")).getText()).isEqualTo("Yes (11)");
        screenshot("whip-grid");

        open("/tasks/" + request);
        waitFor(By.id("task-form"));
        assertThat(findAll(By.id("task-warnings"))).as("nine or more backers: nothing to warn of").isEmpty();
        assertThat(find(By.id("forecast-" + VOTE)).getAttribute("data-likely-outcome")).isEqualTo("ADOPTED");

        // The request filed and the vote's task: it shows the forecast of its own vote.
        campaigns.step(campaign, "file-agenda-request", Map.of("date", "2014-12-05", "symbol", "S/2014/872",
                "signatories", HttpCampaigns.TEN_SIGNATORIES));
        String vote = campaigns.awaitTask(campaign, "record-procedural-vote");
        open("/tasks/" + vote);
        waitFor(By.id("task-form"));
        assertThat(find(By.id("forecast-" + VOTE)).getAttribute("data-likely-outcome")).isEqualTo("ADOPTED");
        assertThat(find(By.id("forecast-" + VOTE)).getAttribute("data-margin")).isEqualTo("2");

        // The real vote of 22 December 2014 (S/PV.7353): every member as forecast.
        campaigns.step(campaign, "record-procedural-vote", vote2014());
        open(whipPath(campaign));
        WebElement compared = waitFor(By.cssSelector(".compared .card[data-vote-key='" + VOTE + "']"));
        assertThat(compared.getAttribute("data-accuracy")).isEqualTo("1.0");
        assertThat(compared.getText()).contains("Procedural vote on the agenda", "100% right: 15 of 15 members as forecast", "S/PV.7353",
                "22 Dec 2014");
        assertThat(compared.findElements(By.cssSelector(".misses"))).as("no member misjudged").isEmpty();
        screenshot("whip-compared");

        open("/campaigns/" + campaign);
        assertThat(waitFor(By.id("campaign-accuracy")).getText())
                .isEqualTo("Forecasts against results in this campaign: 100% right over 1 vote.");
        assertThat(find(By.cssSelector("#whip-count .compared .card")).getText())
                .contains("100% right: 15 of 15 members as forecast");
        assertThat(find(By.cssSelector("#whip-count #forecast-" + VOTE)).getAttribute("data-likely-outcome"))
                .isEqualTo("ADOPTED");
        screenshot("campaign-whip-compared");

        find(By.id("accuracy-link")).click();
        WebElement listed = waitFor(By.cssSelector("table#compared-votes tr[data-campaign='" + campaign + "']"));
        assertThat(listed.findElement(By.cssSelector("td[data-label='Vote']")).getText()).isEqualTo("Procedural vote on the agenda (S/PV.7353)");
        assertThat(listed.findElement(By.cssSelector("td[data-label='Accuracy']")).getText())
                .isEqualTo("100% (15 of 15)");
        assertThat(listed.findElement(By.cssSelector("td[data-label='Date']")).getText()).isEqualTo("22 Dec 2014");
        assertThat(findAll(By.cssSelector("#by-year td[data-label='Year']"))).extracting(WebElement::getText)
                .contains("2014");
        screenshot("forecasts");

        // The history tells each change in a sentence.
        open("/campaigns/" + campaign + "/timeline");
        waitFor(By.id("events"));
        List<String> sentences = findAll(By.cssSelector("#events .sentence")).stream().map(WebElement::getText).toList();
        assertThat(sentences).anyMatch(s -> s.contains("entered who votes") && s.contains("15 members (2014)"));
        assertThat(sentences).anyMatch(s -> s.contains("expects France to vote yes"));
        assertThat(sentences).anyMatch(s -> s.contains("expects China to vote no"));
        assertThat(sentences).anyMatch(s -> s.contains("expects Chad to abstain"));
        assertThat(sentences).anyMatch(s -> s.contains("expects Rwanda to vote yes"));
        assertThat(sentences.stream().filter(s -> s.contains(" expects ")).count())
                .as("one sentence per position set, none for a position saved again").isEqualTo(15);
    }

    @Test
    void the_grid_fits_a_phone_labels_every_control_and_filters_the_members_not_assessed() {
        String campaign = campaignForTheCoordinator("Whip grid on a phone");
        campaigns.atAgendaRequest(campaign);
        var assessed = api.post("coordinator", "/api/campaigns/" + campaign + "/positions/" + VOTE,
                Map.of("year", 2014, "positions", List.of(
                        Map.of("member", "France", "position", "YES", "note", "co-signed the letter of 5 December",
                                "source", "S/2014/872"),
                        Map.of("member", "China", "position", "NO"),
                        Map.of("member", "Chad", "position", "LEANING_YES"))));
        assertThat(assessed.status()).as("%s", assessed.body()).isEqualTo(204);
        open(whipPath(campaign));
        waitFor(By.id("member-grid"));

        assertThat(labelProblems("#electorate-form")).as("controls without an accessible label").isEmpty();
        assertThat(labelProblems("#positions-form")).as("controls without an accessible label").isEmpty();
        assertThat(labelProblems(".filters")).isEmpty();
        assertThat(find(By.cssSelector("tr[data-member='France'] input[name='note']")).getAttribute("value"))
                .isEqualTo("co-signed the letter of 5 December");
        assertThat(row("Chad").getAttribute("class")).isEqualTo("pos-LEANING_YES");
        assertFitsAPhone("/campaigns/{id}/whip/" + VOTE);
        screenshot("whip-grid-partly");

        find(By.id("show-UNASSESSED")).click();
        waitUntil("the grid filtered", () -> browser().getCurrentUrl().endsWith("show=UNASSESSED"));
        List<WebElement> rows = findAll(By.cssSelector("#member-grid tbody tr"));
        assertThat(rows).hasSize(12).allSatisfy(row -> assertThat(row.getAttribute("class")).isEqualTo("pos-UNASSESSED"));
        assertThat(rows).extracting(row -> row.getAttribute("data-member"))
                .doesNotContain("France", "China", "Chad").contains("Argentina", "Russian Federation");
        assertThat(find(By.id("show-UNASSESSED")).getAttribute("aria-current")).isEqualTo("true");
        assertThat(find(By.id("show-ALL")).getAttribute("aria-current")).isNull();
        assertFitsAPhone("/campaigns/{id}/whip/" + VOTE + "?show=UNASSESSED");

        // A position set in the filtered grid leaves it, and the filter stays.
        choose("Argentina", "UNDECIDED");
        find(By.id("positions-submit")).click();
        waitUntil("Argentina assessed", () -> findAll(By.cssSelector("tr[data-member='Argentina']")).isEmpty());
        assertThat(browser().getCurrentUrl()).endsWith("show=UNASSESSED");
        assertThat(findAll(By.cssSelector("#member-grid tbody tr"))).hasSize(11);
        assertThat(find(By.id("show-UNDECIDED")).getText()).isEqualTo("Undecided (1)");

        find(By.id("show-YES")).click();
        waitUntil("the grid filtered to YES", () -> browser().getCurrentUrl().endsWith("show=YES"));
        assertThat(findAll(By.cssSelector("#member-grid tbody tr"))).extracting(row -> row.getAttribute("data-member"))
                .containsExactly("France");
    }

    // ---------------------------------------------------------------- helpers

    private static String whipPath(String campaign) {
        return "/campaigns/" + campaign + "/whip/" + VOTE;
    }

    private WebElement row(String member) {
        return find(By.cssSelector("#member-grid tr[data-member='" + member + "']"));
    }

    /** The position the grid shows as recorded for the member: its row's class. */
    private String positionOf(String member) {
        return row(member).getAttribute("class").substring("pos-".length());
    }

    /** The position chosen in the member's select, saved or not. */
    private String selected(String member) {
        return new Select(row(member).findElement(By.name("position"))).getFirstSelectedOption().getAttribute("value");
    }

    private void choose(String member, String position) {
        new Select(row(member).findElement(By.name("position"))).selectByValue(position);
    }

    /** Puts the keyboard focus on the member's tick box, as Tab from the row before would. */
    private void focusTickOf(String member) {
        script("arguments[0].focus();", row(member).findElement(By.name("pick")));
    }

    /** The Security Council's procedural vote of 22 December 2014 on the agenda (S/PV.7353). */
    private static Map<String, Object> vote2014() {
        Map<String, String> votes = new LinkedHashMap<>();
        for (String member : List.of("Argentina", "Australia", "Chile", "France", "Jordan", "Lithuania", "Luxembourg",
                "Republic of Korea", "Rwanda", "United Kingdom", "United States")) {
            votes.put(member, "YES");
        }
        votes.put("China", "NO");
        votes.put("Russian Federation", "NO");
        votes.put("Chad", "ABSTAIN");
        votes.put("Nigeria", "ABSTAIN");
        Map<String, Object> vote = new LinkedHashMap<>();
        vote.put("date", "2014-12-22");
        vote.put("symbol", "S/PV.7353");
        vote.put("inFavour", 11);
        vote.put("against", 2);
        vote.put("abstaining", 2);
        vote.put("permanentMembersAgainst", List.of("China", "Russian Federation"));
        vote.put("votes", votes);
        return vote;
    }
}
