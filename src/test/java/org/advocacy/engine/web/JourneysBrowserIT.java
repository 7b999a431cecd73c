package org.advocacy.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.advocacy.engine.support.BrowserTest;
import org.advocacy.engine.support.HttpCampaigns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What each user does in a real browser, and what they see: a coordinator starts a campaign and
 * records its first HRC steps through the forms, a refused vote included; a manager reads the
 * diagrams, the vote chart and the timeline, and replays the record; an admin rebuilds the read
 * models and opens the consoles; a coordinator is kept out of them; the forms work with the
 * keyboard alone and the pages at phone width. Every journey makes its own campaign through the
 * API, so that none depends on another, and names it uniquely, so that a shared database does not
 * confuse it with another run's.
 */
class JourneysBrowserIT extends BrowserTest {

    // ---------------------------------------------------------------- 1. the coordinator's forms

    @Test
    void a_coordinator_starts_a_campaign_claims_its_draft_fills_it_in_and_records_a_refused_then_a_correct_vote() {
        String title = unique("Browser journey");
        signIn("coordinator");
        assertThat(currentPath()).isEqualTo("/inbox");
        waitFor(By.id("filter-campaign"));
        screenshot("inbox");

        // Start a campaign: the template, then its start form, typed as a person types.
        find(By.id("nav-new-campaign")).click();
        waitUntil("the start page", () -> "/campaigns/new".equals(currentPath()));
        if (findAll(By.id("start-form")).isEmpty()) {
            new Select(waitFor(By.id("template-choice"))).selectByValue("coi-follow-up");
            find(By.id("choose-template")).click();
        }
        waitFor(By.id("start-form"));
        find(By.id("title")).sendKeys(title);
        find(By.id("reportSymbol")).sendKeys("A/HRC/25/63");
        pressTab(1);
        assertThat(activeElement().getAttribute("id")).as("Tab from the symbol reaches the date").isEqualTo("publishedOn");
        typeDate(LocalDate.of(2014, 2, 17));
        assertThat(find(By.id("publishedOn")).getAttribute("value")).as("the date typed in the locale's order")
                .isEqualTo("2014-02-17");
        screenshot("campaign-new");
        find(By.id("submit-start")).click();

        assertThat(waitFor(By.id("campaign-title")).getText()).isEqualTo(title);
        assertThat(currentPath()).startsWith("/campaigns/");
        String campaign = currentPath().substring("/campaigns/".length());
        assertThat(campaigns.campaign(campaign).get("title").asText()).isEqualTo(title);
        campaigns.awaitTask(campaign, "draft-hrc-resolution");

        // The inbox, filtered to the campaign: claim its draft.
        find(By.id("nav-inbox")).click();
        filterInbox(campaign);
        WebElement draftRow = inboxRow(title, "draft-hrc-resolution");
        assertThat(assignee(draftRow)).isEqualTo("nobody yet");
        draftRow.findElement(By.cssSelector("button.claim")).click();
        assertThat(waitFor(By.id("flash")).getText()).contains("You claimed Draft the HRC resolution");
        filterInbox(campaign);
        draftRow = inboxRow(title, "draft-hrc-resolution");
        assertThat(assignee(draftRow)).isEqualTo("you");
        assertThat(draftRow.findElements(By.cssSelector("button.claim"))).as("no second claim").isEmpty();
        draftRow.findElement(By.cssSelector("a.open-form")).click();

        // The draft: a suggested member state, one more box for a second name, yes and no.
        waitFor(By.id("task-form"));
        assertThat(find(By.id("task-assignee")).getText()).isEqualTo("claimed by coordinator");
        WebElement first = find(By.id("leadSponsors-0"));
        assertThat(first.getAttribute("list")).isEqualTo("member-states");
        assertThat(findAll(By.cssSelector("datalist#member-states option[value='Japan']"))).hasSize(1);
        first.sendKeys("Japan");
        int boxes = findAll(By.name("leadSponsors")).size();
        find(By.cssSelector("button.add-name[data-add-name='leadSponsors']")).click();
        assertThat(findAll(By.name("leadSponsors"))).as("one box more").hasSize(boxes + 1);
        WebElement added = activeElement();
        assertThat(added.getAttribute("id")).as("the added box has the focus").isEqualTo("leadSponsors-" + boxes);
        assertThat(added.getAttribute("name")).isEqualTo("leadSponsors");
        assertThat(added.getAttribute("list")).as("the added box suggests too").isEqualTo("member-states");
        assertThat(find(By.cssSelector("label[for='leadSponsors-" + boxes + "']")).getAttribute("textContent"))
                .as("the added box has a label").isNotBlank();
        typeKeys("European Union");
        find(By.id("endorsesFindings-yes")).click();
        find(By.id("requestsTransmissionToGeneralAssembly-yes")).click();
        find(By.id("createsFieldStructure-no")).click();
        assertThat(labelProblems("#task-form")).as("controls without an accessible label").isEmpty();
        screenshot("task-draft");
        find(By.id("submit-task")).click();

        assertThat(waitFor(By.id("flash")).getText()).contains("Recorded: Draft the HRC resolution");
        JsonNode draft = lastStep(campaign, "draft-hrc-resolution");
        assertThat(draft.get("leadSponsors").toString()).isEqualTo("[\"Japan\",\"European Union\"]");
        assertThat(draft.get("endorsesFindings").asBoolean()).isTrue();
        assertThat(draft.get("requestsTransmissionToGeneralAssembly").asBoolean()).isTrue();
        assertThat(draft.get("createsFieldStructure").asBoolean()).isFalse();

        // The HRC vote: 30 + 16 + 11 = 57 votes of a Council of 47 is refused next to the vote.
        campaigns.awaitTask(campaign, "record-hrc-vote");
        filterInbox(campaign);
        inboxRow(title, "record-hrc-vote").findElement(By.cssSelector("a.open-form")).click();
        waitFor(By.id("task-form"));
        assertThat(labelProblems("#task-form")).as("vote controls without an accessible label").isEmpty();
        find(By.id("date")).click();
        typeDate(LocalDate.of(2014, 3, 28));
        assertThat(find(By.id("date")).getAttribute("value")).isEqualTo("2014-03-28");
        find(By.id("symbol")).sendKeys("A/HRC/RES/25/25");
        find(By.id("inFavour")).sendKeys("30");
        find(By.id("against")).sendKeys("16");
        find(By.id("abstaining")).sendKeys("11");
        HttpCampaigns.Look before = campaigns.look(campaign);
        find(By.id("submit-task")).click();

        WebElement refusal = waitFor(By.id("hrc-error"));
        assertThat(refusal.getText()).contains("47");
        assertThat(find(By.cssSelector("fieldset.vote #hrc-error")).isDisplayed()).as("the refusal is inside the vote")
                .isTrue();
        assertThat(find(By.id("against")).getAttribute("value")).isEqualTo("16");
        assertThat(find(By.id("inFavour")).getAttribute("value")).isEqualTo("30");
        assertThat(find(By.id("abstaining")).getAttribute("value")).isEqualTo("11");
        assertThat(find(By.id("date")).getAttribute("value")).isEqualTo("2014-03-28");
        assertThat(find(By.id("symbol")).getAttribute("value")).isEqualTo("A/HRC/RES/25/25");
        assertThat(activeElement().getAttribute("id")).as("the refusal has the focus").isEqualTo("error-summary");
        assertThat(campaigns.look(campaign)).as("nothing recorded").isEqualTo(before);
        screenshot("task-vote-refused");

        WebElement against = find(By.id("against"));
        against.clear();
        against.sendKeys("6");
        find(By.id("submit-task")).click();
        assertThat(waitFor(By.id("flash")).getText()).contains("Recorded: Record the HRC vote");
        assertThat(campaigns.campaign(campaign).get("outcomes").get("hrc").asText()).isEqualTo("ADOPTED");

        find(By.id("nav-campaigns")).click();
        waitFor(By.linkText(title)).click();
        assertThat(waitFor(By.id("campaign-title")).getText()).isEqualTo(title);
        assertThat(waitFor(By.cssSelector("#outcomes [data-outcome-key='hrc']")).getText()).contains("ADOPTED");
        assertThat(find(By.cssSelector("figure.vote-chart .vote-counts")).getText())
                .isEqualTo("30 in favour, 6 against, 11 abstaining");
        screenshot("campaign-coordinator");
    }

    // ---------------------------------------------------------------- 2. the manager's reading

    @Test
    void a_manager_reads_the_diagrams_the_vote_chart_and_the_timeline_and_steps_the_replay_back_and_forth() {
        String title = unique("Managed in the browser");
        String campaign = campaigns.launchFollowUp(title, HttpCampaigns.PUBLISHED_ON);
        campaigns.atHrcVote(campaign);
        campaigns.step(campaign, "record-hrc-vote", HttpCampaigns.HRC_ADOPTED);
        campaigns.awaitTask(campaign, "draft-unga-resolution");
        long last = campaigns.look(campaign).lastSequence();
        int events = campaigns.history(campaign).size();

        signIn("manager");
        assertThat(currentPath()).isEqualTo("/campaigns");
        WebElement link = waitFor(By.linkText(title));
        screenshot("campaigns");
        link.click();

        // The diagrams, with the steps done and the task open marked in a colour of their own.
        assertThat(waitFor(By.id("campaign-title")).getText()).isEqualTo(title);
        awaitDiagrams();
        assertThat(findAll(By.cssSelector("#diagram-unga-resolution [data-element-id='draft-unga-resolution'].highlight-active")))
                .as("the open draft is marked active").hasSize(1);
        assertThat(findAll(By.cssSelector("#diagram-hrc-resolution [data-element-id='record-hrc-vote'].highlight-done")))
                .as("the vote is marked done").hasSize(1);
        assertThat(findAll(By.cssSelector("#diagram-coi-follow-up [data-element-id='hrc-track'].highlight-done")))
                .as("the HRC forum is done in the main diagram").hasSize(1);
        assertThat(findAll(By.cssSelector("#diagram-coi-follow-up .highlight-active")))
                .as("the forums under way in the main diagram").isNotEmpty();
        String plain = fill("diagram-hrc-resolution", "review-hrc-strategy");
        assertThat(fill("diagram-hrc-resolution", "record-hrc-vote")).as("a done step is drawn differently")
                .isNotEqualTo(plain);
        assertThat(fill("diagram-unga-resolution", "draft-unga-resolution")).as("an active task is drawn differently")
                .isNotEqualTo(fill("diagram-unga-resolution", "organize-side-event"))
                .isNotEqualTo(fill("diagram-hrc-resolution", "record-hrc-vote"));
        for (WebElement watermark : findAll(By.cssSelector(".diagram .bjs-powered-by"))) {
            assertThat(watermark.isDisplayed()).as("the bpmn.io watermark").isTrue();
        }
        assertThat(findAll(By.cssSelector(".diagram .bjs-powered-by"))).hasSameSizeAs(findAll(By.cssSelector(".diagram")));

        // The vote, drawn by Chart.js.
        WebElement canvas = find(By.cssSelector("figure.vote-chart canvas"));
        assertThat(Integer.parseInt(canvas.getAttribute("width"))).isPositive();
        assertThat(chartDrawn(canvas)).as("Chart.js drew the counts").isEqualTo("30,6,11");
        assertThat(find(By.cssSelector("figure.vote-chart .vote-counts")).getText())
                .isEqualTo("30 in favour, 6 against, 11 abstaining");
        assertThat(find(By.cssSelector("#outcomes [data-outcome-key='hrc']")).getText()).contains("ADOPTED");
        screenshot("campaign");

        // The timeline: sentences, the verified record, a raw event, a filter.
        find(By.id("timeline-link")).click();
        waitFor(By.id("events"));
        assertThat(findAll(By.cssSelector("#events .sentence")).stream().map(WebElement::getText))
                .anyMatch(sentence -> sentence.contains("recorded the HRC vote")
                        && sentence.contains("30 in favour, 6 against, 11 abstaining, ADOPTED"));
        WebElement badge = find(By.id("verify-badge"));
        assertThat(badge.getAttribute("class").split(" ")).contains("valid");
        assertThat(badge.getText()).contains("all " + events + " events");
        WebElement vote = find(By.cssSelector("#events li.event[data-type='VoteRecorded']"));
        WebElement payload = vote.findElement(By.cssSelector("pre.payload"));
        assertThat(payload.isDisplayed()).as("the raw event starts closed").isFalse();
        vote.findElement(By.tagName("summary")).click();
        assertThat(payload.isDisplayed()).as("a click on its summary opens the raw event").isTrue();
        assertThat(payload.getText()).contains("\"inFavour\" : 30", "\"outcome\" : \"ADOPTED\"");
        screenshot("timeline");
        new Select(find(By.id("filter-type"))).selectByValue("VoteRecorded");
        find(By.id("apply-filters")).click();
        waitUntil("the timeline filtered", () -> browser().getCurrentUrl().contains("type=VoteRecorded"));
        waitFor(By.id("events"));
        assertThat(findAll(By.cssSelector("#events li.event"))).extracting(line -> line.getAttribute("data-type"))
                .containsExactly("VoteRecorded");
        assertThat(new Select(find(By.id("filter-type"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("VoteRecorded");

        // The replay, by keyboard and buttons: the page as it stood after each event.
        find(By.cssSelector("main a[href='/campaigns/" + campaign + "']")).click();
        awaitDiagrams();
        slider().sendKeys(Keys.HOME);
        assertThat(activeElement().getAttribute("id")).isEqualTo("replay-position");
        awaitReplayAt(0);
        assertThat(find(By.id("replay-sentence")).getText()).contains("started the campaign");
        assertThat(find(By.id("no-active-tasks")).isDisplayed()).isTrue();
        assertThat(find(By.id("no-outcomes")).isDisplayed()).isTrue();
        assertThat(findAll(By.id("outcomes"))).isEmpty();
        assertThat(findAll(By.id("replay-at-latest"))).isEmpty();
        assertThat(findAll(By.cssSelector("figure.vote-chart"))).as("no vote yet").isEmpty();
        assertThat(findAll(By.cssSelector(".diagram .highlight-active, .diagram .highlight-done")))
                .as("nothing marked in the diagrams before any step")
                .extracting(marked -> marked.getAttribute("data-element-id")).isEmpty();
        assertThat(browser().getCurrentUrl()).endsWith("?at=0");
        screenshot("replay-first");

        slider().sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        awaitReplayAt(3);
        assertThat(find(By.id("replay-sentence")).getText()).contains("completed Draft the HRC resolution");
        assertThat(findAll(By.cssSelector("#diagram-hrc-resolution [data-element-id='draft-hrc-resolution'].highlight-done")))
                .as("the draft marked done at its event").hasSize(1);
        find(By.id("replay-previous")).click();
        awaitReplayAt(2);
        assertThat(find(By.id("replay-sentence")).getText()).contains("claimed Draft the HRC resolution");
        find(By.id("replay-next")).click();
        awaitReplayAt(3);
        slider().sendKeys(Keys.END);
        awaitReplayAt(last);
        assertThat(find(By.id("replay-at-latest")).isDisplayed()).isTrue();
        assertThat(find(By.cssSelector("#outcomes [data-outcome-key='hrc']")).getText()).contains("ADOPTED");
        assertThat(findAll(By.cssSelector("#active-tasks [data-task-key='draft-unga-resolution']"))).hasSize(1);
        assertThat(findAll(By.cssSelector("#diagram-unga-resolution [data-element-id='draft-unga-resolution'].highlight-active")))
                .hasSize(1);

        // Activity across campaigns, newest first.
        find(By.id("nav-activity")).click();
        WebElement newest = waitFor(By.cssSelector("#events li.event"));
        assertThat(newest.findElement(By.tagName("a")).getText()).as("the newest event is this campaign's").isEqualTo(title);
        screenshot("activity");
    }

    // ---------------------------------------------------------------- 3. the admin's operations

    @Test
    void an_admin_rebuilds_the_read_models_watches_it_finish_and_opens_swagger_ui_and_cockpit() {
        campaigns.launchFollowUp(unique("Rebuilt"), HttpCampaigns.PUBLISHED_ON);
        signIn("admin");
        assertThat(currentPath()).isEqualTo("/admin");

        find(By.id("start-rebuild")).click();
        waitUntil("the rebuild to be DONE", Duration.ofSeconds(60),
                () -> !findAll(By.cssSelector("#rebuild-progress[data-status='DONE']")).isEmpty());
        WebElement bar = find(By.id("rebuild-bar"));
        assertThat(bar.getAttribute("value")).as("the progress bar full").isEqualTo(bar.getAttribute("max"));
        assertThat(Long.parseLong(bar.getAttribute("max"))).as("events rebuilt").isPositive();
        String status = find(By.id("rebuild-status")).getText();
        assertThat(status).contains("DONE", bar.getAttribute("max") + " of " + bar.getAttribute("max") + " events",
                "events per second");
        assertThat(findAll(By.id("rebuild-error"))).isEmpty();
        screenshot("admin");

        find(By.id("link-swagger")).click();
        waitUntil("Swagger UI to show the API", Duration.ofSeconds(20),
                () -> findAll(By.cssSelector(".swagger-ui .info .title")).stream()
                        .anyMatch(heading -> heading.getText().contains("Campaign engine API")));
        assertThat(findAll(By.cssSelector(".swagger-ui .opblock"))).as("the operations listed").isNotEmpty();
        screenshot("swagger");

        open("/admin");
        waitFor(By.id("link-cockpit")).click();
        try {
            waitUntil("Cockpit's dashboard", Duration.ofSeconds(60),
                    () -> !findAll(By.cssSelector(".ctn-view.dashboard .stats")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException notShown) {
            screenshot("cockpit-not-shown");
            throw new AssertionError("Cockpit showed no dashboard (status " + currentPageStatus() + "): "
                    + find(By.tagName("body")).getText(), notShown);
        }
        assertThat(find(By.cssSelector(".navbar-brand")).getText()).contains("Cockpit");
        assertThat(find(By.cssSelector("li.account .dropdown-toggle")).getText()).as("Cockpit's user").contains("admin");
        screenshot("cockpit");
    }

    @Test
    void a_manager_signs_a_checkpoint_on_the_record_page_and_sees_it_listed_with_the_rebuild_in_the_operations_log() {
        campaigns.launchFollowUp(unique("Anchored"), HttpCampaigns.PUBLISHED_ON);
        api.post("admin", "/api/admin/projections/rebuild", java.util.Map.of());
        signIn("manager");
        find(By.id("nav-record")).click();
        waitFor(By.id("signing-key-pem"));
        assertThat(find(By.id("signing-key-pem")).getText()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(find(By.id("signing-key-id")).getText())
                .isEqualTo(api.get("manager", "/api/checkpoints/key").body().get("id").asText());

        find(By.id("make-checkpoint")).click();
        WebElement flash = waitFor(By.cssSelector(".flash"));
        long id = api.get("manager", "/api/checkpoints?size=1").body().get(0).get("id").asLong();
        assertThat(flash.getText()).contains("Checkpoint " + id + " signed");
        WebElement row = find(By.id("download-checkpoint-" + id)).findElement(By.xpath("./ancestor::tr"));
        assertThat(row.getText()).contains("demand (manager)");
        assertThat(findAll(By.cssSelector("#operation-list tbody tr")).stream().map(WebElement::getText))
                .anyMatch(line -> line.contains("admin") && line.contains("REBUILD_STARTED"));
        screenshot("record");
        assertThat(takePageProblems()).isEmpty();
    }

    // ---------------------------------------------------------------- 4. the coordinator refused

    @Test
    void a_coordinator_is_refused_the_operations_page_and_cockpit_and_is_not_offered_them() {
        signIn("coordinator");
        waitFor(By.id("nav-inbox"));
        assertThat(findAll(By.id("nav-admin"))).as("no link to operations").extracting(WebElement::getText).isEmpty();

        open("/admin");
        assertThat(currentPageStatus()).isEqualTo(403);
        assertThat(waitFor(By.id("forbidden")).getText()).isNotBlank();
        assertThat(findAll(By.id("start-rebuild"))).isEmpty();
        assertThat(findAll(By.id("nav-admin"))).isEmpty();

        open("/camunda/app/cockpit/default/");
        assertThat(currentPageStatus()).isIn(401, 403);
        assertThat(browser().getTitle()).doesNotContain("Cockpit");
        assertThat(findAll(By.cssSelector(".navbar-brand, .ctn-view, [cam-widget-header]"))).as("no Cockpit").isEmpty();
        assertThat(findAll(By.tagName("script"))).as("none of Cockpit's code").isEmpty();
    }

    // ---------------------------------------------------------------- 5. keyboard and phone width

    @Test
    void a_coordinator_fills_in_and_submits_the_draft_with_the_keyboard_alone_and_every_control_has_a_label() {
        String campaign = campaignForTheCoordinator("Keyboard only");
        String task = campaigns.awaitTask(campaign, "draft-hrc-resolution");
        open("/tasks/" + task);
        waitFor(By.id("task-form"));
        assertThat(labelProblems("#task-form")).as("controls without an accessible label").isEmpty();

        // Tab goes through every control of the form (one stop per group of radios), in order.
        List<String> controls = formControls("#task-form");
        List<String> reached = tabThroughPage();
        assertThat(reached).as("Tab reaches every control").containsSubsequence(controls);

        // Then the form, with the keyboard alone, from the top of a fresh page.
        open("/tasks/" + task);
        waitFor(By.id("task-form"));
        tabTo("leadSponsors-0", 12);
        typeKeys("Japan");
        tabTo("leadSponsors-1", 1);
        typeKeys("European Union");
        pressTab(1);
        assertThat(activeElement().getAttribute("data-add-name")).isEqualTo("leadSponsors");
        typeKeys(Keys.ENTER);
        assertThat(activeElement().getAttribute("id")).as("Enter on Add a name focuses the new box")
                .isEqualTo("leadSponsors-2");
        typeKeys("Canada");
        tabTo("endorsesFindings-yes", 2);
        typeKeys(Keys.SPACE);
        tabTo("requestsTransmissionToGeneralAssembly-yes", 1);
        typeKeys(Keys.SPACE);
        tabTo("createsFieldStructure-yes", 1);
        typeKeys(Keys.SPACE, Keys.ARROW_RIGHT);
        assertThat(activeElement().getAttribute("id")).as("the arrow moves to No").isEqualTo("createsFieldStructure-no");
        assertThat(find(By.id("createsFieldStructure-no")).isSelected()).isTrue();
        assertThat(find(By.id("endorsesFindings-yes")).isSelected()).isTrue();
        tabTo("submit-task", 1);
        typeKeys(Keys.ENTER);

        assertThat(waitFor(By.id("flash")).getText()).contains("Recorded: Draft the HRC resolution");
        JsonNode draft = lastStep(campaign, "draft-hrc-resolution");
        assertThat(draft.get("leadSponsors").toString()).isEqualTo("[\"Japan\",\"European Union\",\"Canada\"]");
        assertThat(draft.get("endorsesFindings").asBoolean()).isTrue();
        assertThat(draft.get("requestsTransmissionToGeneralAssembly").asBoolean()).isTrue();
        assertThat(draft.get("createsFieldStructure").asBoolean()).isFalse();
        assertThat(campaigns.activeTaskKeys(campaign)).contains("record-hrc-vote");
    }

    @Test
    void the_inbox_the_campaign_page_the_vote_form_and_the_timeline_fit_a_phone_without_scrolling_sideways() {
        String campaign = campaignForTheCoordinator("On a phone");
        String vote = campaigns.atHrcVote(campaign);

        open("/inbox");
        waitFor(By.id("inbox-tasks"));
        assertFitsAPhone("/inbox");

        open("/campaigns/" + campaign);
        awaitDiagrams();
        assertFitsAPhone("/campaigns/{id}");

        open("/tasks/" + vote);
        waitFor(By.id("task-form"));
        assertFitsAPhone("/tasks/{vote}");

        open("/campaigns/" + campaign + "/timeline");
        for (WebElement summary : findAll(By.cssSelector("#events details summary"))) {
            summary.click();
        }
        assertFitsAPhone("/campaigns/{id}/timeline with its raw events open");

        api.post("manager", "/api/checkpoints", "");
        signOut();
        signIn("manager");
        open("/record");
        waitFor(By.id("checkpoint-list"));
        assertFitsAPhone("/record with its key, checkpoints and operations");
    }

    // ---------------------------------------------------------------- the Security Council's vote form

    @Test
    void a_security_council_vote_form_offers_the_five_permanent_members_and_the_council_of_2014() {
        String campaign = campaignForTheCoordinator("Council vote form");
        String vote = campaigns.atProceduralVote(campaign);
        open("/tasks/" + vote);
        waitFor(By.id("task-form"));

        assertThat(findAll(By.cssSelector("#field-permanentMembersAgainst input[type=checkbox][name=permanentMembersAgainst]")))
                .extracting(box -> box.getAttribute("value"))
                .containsExactly("China", "France", "Russian Federation", "United Kingdom", "United States");
        find(By.cssSelector("#member-votes summary")).click();
        List<WebElement> members = findAll(By.cssSelector("#member-votes input[name='votes.member']"));
        assertThat(members.get(0).isDisplayed()).as("the member rows open").isTrue();
        assertThat(members).extracting(input -> input.getAttribute("value")).containsExactlyInAnyOrder(
                "China", "France", "Russian Federation", "United Kingdom", "United States", "Argentina", "Australia",
                "Chad", "Chile", "Jordan", "Lithuania", "Luxembourg", "Nigeria", "Republic of Korea", "Rwanda");
        assertThat(findAll(By.cssSelector("#member-votes select[name='votes.vote']"))).hasSize(15);
        assertThat(labelProblems("#task-form")).as("controls without an accessible label").isEmpty();
        screenshot("task-council-vote");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Types a date into the focused date input as a person does: its day, month and year in the
     * order that the browser's locale shows them (Chromium moves to the next part by itself).
     */
    private void typeDate(LocalDate date) {
        String order = (String) script("return new Intl.DateTimeFormat(navigator.language)"
                + ".formatToParts(new Date(2014, 1, 17)).map(p => p.type).filter(t => t !== 'literal').join(',');");
        StringBuilder keys = new StringBuilder();
        for (String part : order.split(",")) {
            switch (part) {
                case "day" -> keys.append("%02d".formatted(date.getDayOfMonth()));
                case "month" -> keys.append("%02d".formatted(date.getMonthValue()));
                case "year" -> keys.append("%04d".formatted(date.getYear()));
                default -> throw new AssertionError("a date part this test does not know: " + order);
            }
        }
        assertThat(activeElement().getAttribute("type")).as("a date input has the focus").isEqualTo("date");
        typeKeys(keys.toString());
    }

    /** Filters the inbox to one campaign through its filter form. */
    private void filterInbox(String campaignId) {
        new Select(waitFor(By.id("filter-campaign"))).selectByValue(campaignId);
        find(By.id("apply-filters")).click();
        waitUntil("the inbox filtered", () -> browser().getCurrentUrl().contains("campaign=" + campaignId));
        waitFor(By.id("inbox-tasks"));
    }

    /** The inbox row of the task of that key whose campaign link reads the title. */
    private WebElement inboxRow(String campaignTitle, String taskKey) {
        List<WebElement> rows = findAll(By.cssSelector("tr.inbox-row[data-task-key='" + taskKey + "']")).stream()
                .filter(row -> row.findElement(By.cssSelector("td[data-label='Campaign'] a")).getText()
                        .equals(campaignTitle))
                .toList();
        assertThat(rows).as("the %s row of %s in the inbox", taskKey, campaignTitle).hasSize(1);
        return rows.get(0);
    }

    private static String assignee(WebElement row) {
        return row.findElement(By.cssSelector("td[data-label='Assigned to']")).getText();
    }

    /** The fields of the campaign's last completed step of that task, from the history API. */
    private JsonNode lastStep(String campaign, String taskKey) {
        JsonNode found = null;
        for (JsonNode event : campaigns.history(campaign)) {
            if ("StepCompleted".equals(event.path("type").asText())
                    && taskKey.equals(event.path("payload").path("taskKey").asText())) {
                found = event.path("payload").path("fields");
            }
        }
        assertThat(found).as("a completed %s in the history of %s", taskKey, campaign).isNotNull();
        return found;
    }

    private void awaitDiagrams() {
        waitUntil("every diagram drawn", Duration.ofSeconds(15), () -> {
            int diagrams = findAll(By.cssSelector("div.diagram")).size();
            return diagrams >= 2 && findAll(By.cssSelector("div.diagram[data-ready='true']")).size() == diagrams;
        });
        assertThat(findAll(By.cssSelector("#diagram-coi-follow-up[data-ready='true'], #diagram-hrc-resolution[data-ready='true']")))
                .as("the main and the HRC diagrams").hasSize(2);
    }

    /** The fill that the user sees on an element of a diagram. */
    private String fill(String diagram, String elementId) {
        return (String) script("const g = document.querySelector('#' + arguments[0] + ' [data-element-id=\"' + arguments[1] + '\"]');"
                + "return getComputedStyle(g.querySelector('.djs-visual > :first-child')).fill;", diagram, elementId);
    }

    /** The counts of the Chart.js chart on the canvas, once it has painted something; else null. */
    private String chartDrawn(WebElement canvas) {
        return (String) script("""
                const canvas = arguments[0];
                const chart = window.Chart && window.Chart.getChart(canvas);
                if (!chart) return null;
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
                return painted > 100 ? chart.data.datasets[0].data.join(',') : null;
                """, canvas);
    }

    private WebElement slider() {
        return waitFor(By.id("replay-position"));
    }

    private void awaitReplayAt(long sequence) {
        waitUntil("the replay at event " + sequence,
                () -> String.valueOf(sequence).equals(find(By.id("replay-sequence")).getText())
                        && String.valueOf(sequence).equals(find(By.id("replay-position")).getAttribute("value")));
    }

    /** The controls of the form in document order, a group of radios counting once (Tab stops once in it). */
    @SuppressWarnings("unchecked")
    private List<String> formControls(String form) {
        return (List<String>) script("""
                const seen = new Set();
                return Array.from(document.querySelectorAll(arguments[0] + ' input:not([type=hidden]), '
                    + arguments[0] + ' select, ' + arguments[0] + ' textarea, ' + arguments[0] + ' button'))
                  .map(c => c.type === 'radio' ? 'radios:' + c.name : (c.id || c.name + ':' + c.textContent.trim()))
                  .filter(key => !seen.has(key) && seen.add(key));
                """, form);
    }

    /** Presses Tab from the top of the page to its end, saying where the focus went each time. */
    private List<String> tabThroughPage() {
        Set<String> reached = new LinkedHashSet<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pressTab(1);
            String at = (String) script("""
                    const c = document.activeElement;
                    if (!c || c === document.body) return null;
                    return c.type === 'radio' ? 'radios:' + c.name : (c.id || c.name + ':' + c.textContent.trim());
                    """);
            if (at == null || !reached.add(at)) {
                break;
            }
            order.add(at);
        }
        return order;
    }
}
