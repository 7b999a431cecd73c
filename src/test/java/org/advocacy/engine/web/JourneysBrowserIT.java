package org.advocacy.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.advocacy.engine.support.BrowserTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What each user does in a real browser: a coordinator starts a campaign and records its first
 * HRC steps through the forms; a manager reads the diagram, the vote, the timeline and replays
 * the record; an admin rebuilds the read models; a coordinator is kept out of operations.
 */
class JourneysBrowserIT extends BrowserTest {

    private WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser(), Duration.ofSeconds(seconds));
    }

    /** Chromium's date input takes typed digits in its locale's order; the ISO value is what any locale submits. */
    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser()).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                id, isoDate);
    }

    private void type(String id, String text) {
        WebElement input = find(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private String campaignIdFromUrl() {
        String path = currentPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private WebElement inboxRow(String campaignTitle, String taskKey) {
        return findAll(By.cssSelector("tr.inbox-row[data-task-key='" + taskKey + "']")).stream()
                .filter(row -> row.getText().contains(campaignTitle)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + taskKey + " of " + campaignTitle + " in the inbox"));
    }

    @Test
    void a_coordinator_starts_a_campaign_and_records_the_first_hrc_steps_through_the_forms() {
        signIn("coordinator");
        assertThat(currentPath()).isEqualTo("/inbox");
        screenshot("inbox");

        find(By.id("nav-new-campaign")).click();
        new Select(waitFor(By.id("template-choice"))).selectByValue("coi-follow-up");
        find(By.id("choose-template")).click();
        waitFor(By.id("start-form"));
        type("title", "Browser journey 2014");
        type("reportSymbol", "A/HRC/25/63");
        setDate("publishedOn", "2014-02-17");
        screenshot("campaign-new");
        find(By.id("submit-start")).click();
        assertThat(waitFor(By.id("campaign-title")).getText()).isEqualTo("Browser journey 2014");
        String campaign = campaignIdFromUrl();
        String task = campaigns.awaitTask(campaign, "draft-hrc-resolution");

        open("/inbox");
        inboxRow("Browser journey 2014", "draft-hrc-resolution").findElement(By.cssSelector("button.claim")).click();
        assertThat(waitFor(By.id("flash")).getText()).contains("You claimed Draft the HRC resolution");
        WebElement row = inboxRow("Browser journey 2014", "draft-hrc-resolution");
        assertThat(row.getText()).contains("you");
        row.findElement(By.cssSelector("a.open-form")).click();

        waitFor(By.id("task-form"));
        find(By.id("leadSponsors-0")).sendKeys("Japan");
        find(By.cssSelector("button.add-name[data-add-name='leadSponsors']")).click();
        assertThat(activeElement().getAttribute("name")).as("the added box has the focus").isEqualTo("leadSponsors");
        typeKeys("European Union");
        find(By.id("endorsesFindings-yes")).click();
        find(By.id("requestsTransmissionToGeneralAssembly-yes")).click();
        find(By.id("createsFieldStructure-yes")).click();
        screenshot("task-draft");
        find(By.id("submit-task")).click();
        assertThat(waitFor(By.id("flash")).getText()).contains("Recorded: Draft the HRC resolution");
        assertThat(campaigns.eventTypes(campaign)).contains("StepCompleted");

        String vote = campaigns.awaitTask(campaign, "record-hrc-vote");
        int before = campaigns.look(campaign).historyEvents();
        open("/tasks/" + vote);
        setDate("date", "2014-03-28");
        type("symbol", "A/HRC/RES/25/25");
        type("inFavour", "30");
        type("against", "16");
        type("abstaining", "11");
        find(By.id("submit-task")).click();

        assertThat(waitFor(By.id("hrc-error")).getText()).contains("47");
        assertThat(find(By.id("against")).getAttribute("value")).isEqualTo("16");
        assertThat(activeElement().getAttribute("id")).as("the refusal has the focus").isEqualTo("error-summary");
        assertThat(campaigns.look(campaign).historyEvents()).as("nothing recorded").isEqualTo(before);
        screenshot("task-vote-refused");

        type("against", "6");
        find(By.id("submit-task")).click();
        waitFor(By.id("flash"));
        open("/campaigns/" + campaign);
        assertThat(waitFor(By.cssSelector("#outcomes [data-outcome-key='hrc']")).getText()).contains("ADOPTED");
        assertThat(campaigns.campaign(campaign).get("outcomes").get("hrc").asText()).isEqualTo("ADOPTED");
        assertThat(task).isNotBlank();
        screenshot("campaign-coordinator");
    }

    @Test
    void a_manager_reads_the_diagram_the_vote_and_the_timeline_and_steps_the_replay_back_and_forth() {
        String campaign = campaigns.launchFollowUp("Managed in the browser", "2014-02-17");
        campaigns.atHrcVote(campaign);
        campaigns.step(campaign, "record-hrc-vote", HttpCampaigns.HRC_ADOPTED);
        campaigns.awaitTask(campaign, "draft-unga-resolution");
        long last = campaigns.look(campaign).lastSequence();
        int events = campaigns.look(campaign).historyEvents();

        signIn("manager");
        screenshot("campaigns");
        find(By.linkText("Managed in the browser")).click();
        waiting(15).until(driver -> findAll(By.cssSelector(".diagram[data-ready='true']")).size() >= 4);
        assertThat(findAll(By.cssSelector("#diagram-unga-resolution .highlight-active"))).isNotEmpty();
        assertThat(findAll(By.cssSelector("#diagram-hrc-resolution [data-element-id='record-hrc-vote'].highlight-done")))
                .isNotEmpty();
        assertThat(findAll(By.cssSelector("#diagram-coi-follow-up .highlight-active"))).as("the forum calls under way")
                .isNotEmpty();
        assertThat(find(By.cssSelector("#diagram-coi-follow-up .bjs-powered-by")).isDisplayed()).isTrue();
        WebElement chart = find(By.cssSelector("figure.vote-chart canvas"));
        assertThat(Integer.parseInt(chart.getAttribute("width"))).as("Chart.js drew the vote").isPositive();
        assertThat(find(By.cssSelector("figure.vote-chart .vote-counts")).getText())
                .isEqualTo("30 in favour, 6 against, 11 abstaining");
        screenshot("campaign");

        find(By.id("timeline-link")).click();
        waitFor(By.id("events"));
        assertThat(findAll(By.cssSelector(".sentence")).stream().map(WebElement::getText))
                .anyMatch(sentence -> sentence.contains("recorded the HRC vote")
                        && sentence.contains("30 in favour, 6 against, 11 abstaining, ADOPTED"));
        WebElement badge = find(By.id("verify-badge"));
        assertThat(badge.getAttribute("class")).contains("valid");
        assertThat(badge.getText()).contains("all " + events + " events");
        find(By.cssSelector("#events details summary")).click();
        assertThat(find(By.cssSelector("#events details pre.payload")).getText()).contains("\"campaignId\"");
        screenshot("timeline");
        new Select(find(By.id("filter-type"))).selectByValue("VoteRecorded");
        find(By.id("apply-filters")).click();
        waiting(10).until(driver -> currentPath().endsWith("/timeline") && findAll(By.cssSelector("li.event")).size() == 1);
        assertThat(find(By.cssSelector("li.event")).getAttribute("data-type")).isEqualTo("VoteRecorded");

        open("/campaigns/" + campaign);
        WebElement slider = waitFor(By.id("replay-position"));
        slider.sendKeys(Keys.HOME);
        awaitReplayAt(0);
        assertThat(find(By.id("replay-sentence")).getText()).contains("started the campaign");
        assertThat(find(By.id("no-active-tasks")).isDisplayed()).isTrue();
        assertThat(find(By.id("no-outcomes")).isDisplayed()).isTrue();
        screenshot("replay-first");

        find(By.id("replay-position")).sendKeys(Keys.ARROW_RIGHT);
        awaitReplayAt(1);
        assertThat(find(By.id("replay-sentence")).getText()).contains("opened the task Draft the HRC resolution");
        find(By.id("replay-next")).click();
        awaitReplayAt(2);
        find(By.id("replay-previous")).click();
        awaitReplayAt(1);
        find(By.id("replay-position")).sendKeys(Keys.END);
        awaitReplayAt(last);
        assertThat(find(By.id("replay-at-latest")).isDisplayed()).isTrue();
        assertThat(find(By.cssSelector("#outcomes [data-outcome-key='hrc']")).getText()).contains("ADOPTED");

        open("/activity");
        assertThat(waitFor(By.id("events")).getText()).contains("Managed in the browser");
        screenshot("activity");
    }

    private void awaitReplayAt(long sequence) {
        waiting(10).withMessage("the replay did not reach event " + sequence)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> String.valueOf(sequence).equals(find(By.id("replay-sequence")).getText()));
    }

    @Test
    void an_admin_rebuilds_the_read_models_and_watches_it_finish_and_opens_the_consoles() {
        signIn("admin");
        assertThat(currentPath()).isEqualTo("/admin");

        find(By.id("start-rebuild")).click();
        waiting(60).withMessage("the rebuild did not finish within a minute")
                .until(driver -> !findAll(By.cssSelector("#rebuild-progress[data-status='DONE']")).isEmpty());
        WebElement bar = find(By.id("rebuild-bar"));
        assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max"));
        assertThat(find(By.id("rebuild-status")).getText()).contains("DONE").contains("events per second");
        screenshot("admin");

        find(By.id("link-swagger")).click();
        waiting(20).until(driver -> driver.getPageSource().contains("Campaign engine API"));
        screenshot("swagger");

        open("/admin");
        find(By.id("link-cockpit")).click();
        try {
            waiting(60).until(driver -> !findAll(By.cssSelector(".dashboard, [cam-widget-header], .navbar-brand")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException notShown) {
            screenshot("cockpit-not-shown");
            throw new AssertionError("Cockpit did not show its dashboard at " + currentPath() + " (status "
                    + currentPageStatus() + "): " + find(By.tagName("body")).getText(), notShown);
        }
        screenshot("cockpit");
    }

    @Test
    void a_coordinator_is_refused_the_operations_page_and_cockpit() {
        signIn("coordinator");
        assertThat(findAll(By.id("nav-admin"))).isEmpty();

        open("/admin");
        assertThat(currentPageStatus()).isEqualTo(403);
        assertThat(find(By.id("forbidden")).isDisplayed()).isTrue();
        screenshot("forbidden");

        open("/camunda/app/cockpit/default/");
        assertThat(currentPageStatus()).isIn(401, 403);
        assertThat(browser().getPageSource()).doesNotContain("cam-widget");
    }

    @Test
    void a_task_form_is_usable_with_the_keyboard_alone_and_every_control_has_a_label() {
        String campaign = campaigns.launchFollowUp("Keyboard only", "2014-02-17");
        String task = campaigns.awaitTask(campaign, "draft-hrc-resolution");
        signIn("coordinator");
        open("/tasks/" + task);
        waitFor(By.id("task-form"));

        for (WebElement control : findAll(By.cssSelector("#task-form input:not([type=hidden]), #task-form select, "
                + "#task-form button"))) {
            assertThat(accessibleName(control)).as("the label of %s", control.getAttribute("outerHTML")).isNotBlank();
        }

        find(By.id("leadSponsors-0")).click();
        typeKeys("Japan");
        List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < 12 && !"submit-task".equals(activeElement().getAttribute("id")); i++) {
            pressTab(1);
            WebElement focused = activeElement();
            order.add(focused.getAttribute("id"));
            if ("radio".equals(focused.getAttribute("type"))) {
                typeKeys(Keys.SPACE);
            }
        }
        assertThat(order).as("Tab reaches every group of the form in order, then the submit button")
                .contains("endorsesFindings-yes", "requestsTransmissionToGeneralAssembly-yes",
                        "createsFieldStructure-yes", "submit-task");
        typeKeys(Keys.ENTER);

        assertThat(waitFor(By.id("flash")).getText()).contains("Recorded: Draft the HRC resolution");
        assertThat(campaigns.activeTaskKeys(campaign)).contains("record-hrc-vote");
    }

    /** The name a screen reader gives the control: its label, an enclosing label, aria-label, or the group's legend. */
    private String accessibleName(WebElement control) {
        return (String) ((JavascriptExecutor) browser()).executeScript("""
                const c = arguments[0];
                const byFor = c.id ? document.querySelector('label[for="' + CSS.escape(c.id) + '"]') : null;
                const wrap = c.closest('label');
                const text = (byFor && byFor.textContent) || (wrap && wrap.textContent)
                    || c.getAttribute('aria-label') || (c.tagName === 'BUTTON' ? c.textContent : '');
                return (text || '').trim();
                """, control);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_inbox_and_the_campaign_page_fit_a_phone_without_scrolling_sideways() {
        String campaign = campaigns.launchFollowUp("On a phone", "2014-02-17");
        campaigns.atHrcVote(campaign);
        signIn("coordinator");

        for (String page : List.of("/inbox", "/campaigns/" + campaign, "/tasks/" + campaigns.awaitTask(campaign,
                "record-hrc-vote"))) {
            open(page);
            List<Object> measured = atPhoneWidth(() -> (List<Object>) ((JavascriptExecutor) browser()).executeScript(
                    "return [document.documentElement.scrollWidth, Array.from(document.querySelectorAll('body *'))"
                    + ".filter(e => e.getBoundingClientRect().right > innerWidth + 1).slice(0, 6)"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className).join(' ')];"));
            assertThat((Long) measured.get(0)).as("the width of %s at 360 px; too wide: %s", page, measured.get(1))
                    .isLessThanOrEqualTo(PHONE_WIDTH + 1);
        }
    }

    @Test
    void a_security_council_vote_offers_the_permanent_members_and_the_council_of_the_year() {
        String campaign = campaigns.launchFollowUp("Council vote form", "2014-02-17");
        String vote = campaigns.atProceduralVote(campaign);
        signIn("coordinator");
        open("/tasks/" + vote);

        assertThat(findAll(By.cssSelector("input[type=checkbox][name=permanentMembersAgainst]")))
                .extracting(box -> box.getAttribute("value"))
                .containsExactly("China", "France", "Russian Federation", "United Kingdom", "United States");
        find(By.cssSelector("#member-votes summary")).click();
        assertThat(findAll(By.cssSelector("input[name='votes.member']"))).extracting(input -> input.getAttribute("value"))
                .hasSize(15).contains("Rwanda", "Luxembourg", "Republic of Korea");
        screenshot("task-council-vote");
    }
}
