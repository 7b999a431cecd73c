package org.advocacy.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.advocacy.engine.support.ApiTest;
import org.advocacy.engine.support.AppTest;
import org.advocacy.engine.web.PageSession.Page;
import org.junit.jupiter.api.Test;

/**
 * The pages through HTTP as a browser sends it (form login, session, CSRF): what each role may
 * open, that forms are generated from the templates and refuse bad input next to the field with
 * nothing written, and that a change since the page was drawn is said on submit.
 */
@AppTest
class PagesIT extends ApiTest {

    private static Map.Entry<String, String> field(String name, String value) {
        return Map.entry(name, value);
    }

    @Test
    void anonymous_visitors_are_sent_to_the_login_page_and_the_api_still_answers_401() {
        PageSession anonymous = PageSession.anonymous(port);

        assertThat(anonymous.get("/inbox").location()).endsWith("/login");
        assertThat(anonymous.get("/").location()).endsWith("/login");
        assertThat(anonymous.get("/login").status()).isEqualTo(200);
        assertThat(anonymous.get("/css/app.css").status()).isEqualTo(200);
        assertThat(api.get(null, "/api/campaigns").status()).isEqualTo(401);
    }

    @Test
    void each_role_starts_on_its_own_page() {
        assertThat(PageSession.signedIn(port, "coordinator").get("/").location()).endsWith("/inbox");
        assertThat(PageSession.signedIn(port, "manager").get("/").location()).endsWith("/campaigns");
        assertThat(PageSession.signedIn(port, "admin").get("/").location()).endsWith("/admin");
    }

    @Test
    void a_page_that_a_role_may_not_use_answers_403_and_is_not_linked() {
        String campaign = campaigns.launchFollowUp("Roles on pages", "2014-02-17");
        String task = campaigns.awaitTask(campaign, "draft-hrc-resolution");
        PageSession coordinator = PageSession.signedIn(port, "coordinator");
        PageSession manager = PageSession.signedIn(port, "manager");
        PageSession admin = PageSession.signedIn(port, "admin");

        assertThat(coordinator.get("/admin").status()).isEqualTo(403);
        assertThat(coordinator.get("/activity").status()).isEqualTo(403);
        assertThat(coordinator.get("/admin/evidence?campaign=" + campaign).status()).isEqualTo(403);
        assertThat(manager.get("/campaigns/new").status()).isEqualTo(403);
        assertThat(manager.get("/admin").status()).isEqualTo(403);
        assertThat(admin.get("/inbox").status()).isEqualTo(403);
        assertThat(admin.get("/tasks/" + task).status()).isEqualTo(403);
        assertThat(admin.get("/campaigns/" + campaign + "/timeline").status()).isEqualTo(403);
        assertThat(admin.get("/campaigns/new").status()).isEqualTo(403);
        assertThat(manager.get("/no-such-page").status()).isEqualTo(404);
        assertThat(manager.get("/campaigns/" + campaign + "/replay/first").status()).isEqualTo(400);
        assertThat(admin.get("/admin/evidence").body()).contains("id=\"error-title\"").doesNotContain("Exception");

        String coordinatorsPage = coordinator.get("/campaigns/" + campaign).body();
        assertThat(coordinatorsPage).doesNotContain("id=\"nav-admin\"", "id=\"nav-activity\"")
                .contains("id=\"nav-inbox\"", "id=\"nav-new-campaign\"", "id=\"timeline-link\"");
        String managersPage = manager.get("/campaigns/" + campaign).body();
        assertThat(managersPage).doesNotContain("id=\"nav-admin\"", "id=\"nav-new-campaign\"")
                .contains("id=\"nav-activity\"");
        String adminsPage = admin.get("/campaigns/" + campaign).body();
        assertThat(adminsPage).doesNotContain("id=\"nav-inbox\"", "id=\"timeline-link\"", "href=\"/tasks/")
                .contains("id=\"nav-admin\"");
        assertThat(manager.get("/campaigns/" + campaign + "/timeline").body()).contains("id=\"verify-badge\"");
        assertThat(coordinator.get("/campaigns/" + campaign + "/timeline").body()).doesNotContain("id=\"verify-badge\"");
    }

    @Test
    void managers_and_admins_sign_checkpoints_download_them_and_read_the_operations_log_on_the_record_page() {
        PageSession manager = PageSession.signedIn(port, "manager");
        assertThat(PageSession.signedIn(port, "coordinator").get("/record").status()).isEqualTo(403);
        assertThat(manager.get("/campaigns").body()).contains("id=\"nav-record\"");
        String key = api.get("manager", "/api/checkpoints/key").body().get("publicKey").asText();

        Page signed = manager.post("/record/checkpoints", manager.csrf("/record"), Map.of());
        assertThat(signed.location()).endsWith("/record");
        long id = api.get("manager", "/api/checkpoints?size=1").body().get(0).get("id").asLong();
        String page = manager.get("/record").body();
        assertThat(page).contains("id=\"signing-key-pem\"", key.substring(0, 60), "id=\"download-checkpoint-" + id + "\"",
                "Checkpoint " + id + " signed").contains("(manager)");
        Page file = manager.get("/record/checkpoints/" + id);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("checkpoint-" + id + ".json");
        assertThat(file.body()).contains("\"statement\":\"campaign-checkpoint/1\\nid " + id + "\\n");
        assertThat(PageSession.signedIn(port, "admin").get("/admin").body())
                .contains("id=\"signing-key-id\"", "id=\"make-checkpoint\"", "id=\"operations-heading\"");
    }

    @Test
    void a_page_number_beyond_any_list_shows_an_empty_page_not_an_error() {
        String campaign = campaigns.launchFollowUp("Far pages", "2014-02-17");
        PageSession manager = PageSession.signedIn(port, "manager");
        for (String path : List.of("/campaigns?page=2147483647", "/campaigns/" + campaign + "/timeline?page=2147483647",
                "/activity?page=2147483647")) {
            Page page = manager.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("Exception");
        }
    }

    @Test
    void a_refused_page_says_what_is_wrong_in_the_apps_own_words_never_the_exceptions() {
        String campaign = campaigns.launchFollowUp("Refused pages", "2014-02-17");
        PageSession manager = PageSession.signedIn(port, "manager");
        PageSession admin = PageSession.signedIn(port, "admin");

        Page notANumber = manager.get("/campaigns/" + campaign + "?at=seven");
        Page unknown = manager.get("/campaigns/no-such-campaign");
        Page missing = admin.get("/admin/evidence");

        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("at does not have the form that this page expects");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("no campaign has the id no-such-campaign");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Required parameter &#39;campaign&#39; is not present.");
        for (Page page : List.of(notANumber, unknown, missing)) {
            assertThat(page.body()).doesNotContain("Exception", "java.lang", "NumberFormat", "method parameter type");
        }
    }

    @Test
    void pages_tell_the_browser_to_load_nothing_from_another_host_and_to_stay_out_of_frames() {
        for (Page page : List.of(PageSession.anonymous(port).get("/login"),
                PageSession.signedIn(port, "manager").get("/campaigns"))) {
            String policy = page.header("Content-Security-Policy");
            assertThat(policy).contains("default-src 'self'", "script-src 'self'", "connect-src 'self'",
                    "frame-ancestors 'none'");
            assertThat(policy).doesNotContain("http:", "https:", "*");
        }
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused_and_changes_nothing() {
        String campaign = campaigns.launchFollowUp("CSRF", "2014-02-17");
        String task = campaigns.awaitTask(campaign, "draft-hrc-resolution");
        int before = campaigns.look(campaign).historyEvents();
        PageSession coordinator = PageSession.signedIn(port, "coordinator");

        assertThat(coordinator.post("/tasks/" + task + "/claim", null, Map.of()).status()).isEqualTo(403);

        assertThat(campaigns.look(campaign).historyEvents()).isEqualTo(before);
    }

    @Test
    void a_claim_on_a_task_that_another_coordinator_claimed_since_the_inbox_was_drawn_says_so() {
        String campaign = campaigns.launchFollowUp("Claimed since drawn", "2014-02-17");
        String task = campaigns.awaitTask(campaign, "draft-hrc-resolution");
        PageSession coordinator = PageSession.signedIn(port, "coordinator");
        String csrf = coordinator.csrf("/inbox");
        assertThat(coordinator.get("/inbox").body()).contains("data-task-id=\"" + task + "\"");
        assertThat(coordinator.get("/inbox?campaign=" + campaign).body()).as("actions come back to the filtered inbox")
                .contains("name=\"returnTo\" value=\"/inbox?campaign=" + campaign + "\"");

        api.post("coordinator2", "/api/tasks/" + task + "/claim", null);
        Page claimed = coordinator.post("/tasks/" + task + "/claim", csrf, Map.of("returnTo", "/inbox"));

        assertThat(claimed.location()).endsWith("/inbox");
        assertThat(coordinator.get("/inbox").body()).contains("id=\"flash-error\"")
                .contains("claimed by coordinator2").contains("after this page was drawn");
    }

    @Test
    void a_task_form_is_built_from_the_template_and_a_refusal_shows_next_to_its_field_with_the_values_kept() {
        String campaign = campaigns.launchFollowUp("Draft through the form", "2014-02-17");
        String task = campaigns.awaitTask(campaign, "draft-hrc-resolution");
        int before = campaigns.look(campaign).historyEvents();
        PageSession coordinator = PageSession.signedIn(port, "coordinator");
        String form = coordinator.get("/tasks/" + task).body();
        assertThat(form).contains("<label class=\"visually-hidden\" for=\"leadSponsors-0\"", "name=\"endorsesFindings\"",
                "list=\"member-states\"", "<option value=\"Republic of Korea\"");

        Page refused = coordinator.post("/tasks/" + task, coordinator.csrf("/tasks/" + task), List.of(
                field("leadSponsors", "Japan"), field("leadSponsors", "Japan"), field("endorsesFindings", "true")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"leadSponsors-error\"").contains("leadSponsors names Japan twice")
                .contains("id=\"requestsTransmissionToGeneralAssembly-error\"")
                .contains("value=\"Japan\"").contains("id=\"endorsesFindings-yes\" value=\"true\" checked");
        assertThat(campaigns.look(campaign).historyEvents()).isEqualTo(before);

        Page recorded = coordinator.post("/tasks/" + task, coordinator.csrf("/tasks/" + task), List.of(
                field("leadSponsors", "Japan"), field("leadSponsors", "European Union"), field("leadSponsors", ""),
                field("endorsesFindings", "true"), field("requestsTransmissionToGeneralAssembly", "true"),
                field("createsFieldStructure", "false")));

        assertThat(recorded.status()).isEqualTo(302);
        var step = java.util.stream.StreamSupport.stream(campaigns.history(campaign).spliterator(), false)
                .filter(event -> event.get("type").asText().equals("StepCompleted")).findFirst().orElseThrow();
        assertThat(step.get("payload").get("fields").get("leadSponsors").toString()).isEqualTo("[\"Japan\",\"European Union\"]");
        assertThat(step.get("payload").get("fields").get("createsFieldStructure").asBoolean()).isFalse();
    }

    @Test
    void a_vote_form_records_the_counts_and_refuses_counts_beyond_the_membership_next_to_the_vote() {
        String campaign = campaigns.launchFollowUp("Vote through the form", "2014-02-17");
        String vote = campaigns.atHrcVote(campaign);
        int before = campaigns.look(campaign).historyEvents();
        PageSession coordinator = PageSession.signedIn(port, "coordinator");

        Page refused = coordinator.post("/tasks/" + vote, coordinator.csrf("/tasks/" + vote), List.of(
                field("date", "2014-03-28"), field("inFavour", "30"), field("against", "16"), field("abstaining", "11")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"hrc-error\"").contains("47").contains("value=\"16\"");
        assertThat(campaigns.look(campaign).historyEvents()).isEqualTo(before);

        Page recorded = coordinator.post("/tasks/" + vote, coordinator.csrf("/tasks/" + vote), List.of(
                field("date", "2014-03-28"), field("symbol", "A/HRC/RES/25/25"), field("inFavour", "30"),
                field("against", "6"), field("abstaining", "11")));

        assertThat(recorded.status()).isEqualTo(302);
        assertThat(campaigns.campaign(campaign).get("outcomes").get("hrc").asText()).isEqualTo("ADOPTED");
    }

    @Test
    void a_campaign_is_started_through_its_template_start_form() {
        PageSession coordinator = PageSession.signedIn(port, "coordinator");
        String page = coordinator.get("/campaigns/new?template=coi-follow-up").body();
        assertThat(page).contains("name=\"title\"", "name=\"reportSymbol\"", "name=\"publishedOn\"");

        Page refused = coordinator.post("/campaigns", coordinator.csrf("/campaigns/new?template=coi-follow-up"),
                Map.of("template", "coi-follow-up", "reportSymbol", "A/HRC/25/63", "publishedOn", "17/02/2014"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"title-error\"", "title is required", "id=\"publishedOn-error\"",
                "value=\"A/HRC/25/63\"");

        Page started = coordinator.post("/campaigns", coordinator.csrf("/campaigns/new?template=coi-follow-up"),
                Map.of("template", "coi-follow-up", "title", "Started from the form", "reportSymbol", "A/HRC/25/63",
                        "publishedOn", "2014-02-17"));

        assertThat(started.status()).isEqualTo(302);
        String id = started.location().substring(started.location().lastIndexOf('/') + 1);
        assertThat(campaigns.campaign(id).get("title").asText()).isEqualTo("Started from the form");
    }

    @Test
    void the_extra_template_gets_usable_forms_with_no_page_code_for_it() {
        PageSession coordinator = PageSession.signedIn(port, "coordinator");
        assertThat(coordinator.get("/campaigns/new?template=sign-on-letter").body())
                .contains("name=\"addressee\"");
        Page started = coordinator.post("/campaigns", coordinator.csrf("/campaigns/new?template=sign-on-letter"),
                Map.of("template", "sign-on-letter", "title", "A letter from the form",
                        "addressee", "The President of the Human Rights Council"));
        assertThat(started.status()).isEqualTo(302);
        String id = started.location().substring(started.location().lastIndexOf('/') + 1);
        String draft = campaigns.awaitTask(id, "draft-letter");

        String form = coordinator.get("/tasks/" + draft).body();
        assertThat(form).contains("name=\"text\"", "name=\"signatories\"");
        Page recorded = coordinator.post("/tasks/" + draft, coordinator.csrf("/tasks/" + draft), List.of(
                field("text", "We urge the Council to act."), field("signatories", "Human Rights Watch"),
                field("signatories", "Amnesty International"), field("signatories", "FIDH")));

        assertThat(recorded.status()).isEqualTo(302);
        assertThat(campaigns.activeTaskKeys(id)).containsExactly("send-letter");
    }

    @Test
    void the_campaign_page_and_each_replay_point_are_drawn_from_the_record() {
        String campaign = campaigns.launchFollowUp("Replayed", "2014-02-17");
        campaigns.atHrcVote(campaign);
        PageSession manager = PageSession.signedIn(port, "manager");

        String first = manager.get("/campaigns/" + campaign + "/replay/0").body();
        String now = manager.get("/campaigns/" + campaign).body();

        assertThat(first).contains("id=\"replay-sequence\">0<").contains("id=\"no-active-tasks\"")
                .contains("started the campaign");
        assertThat(now).contains("data-task-key=\"record-hrc-vote\"").contains("Draft the HRC resolution")
                .contains("id=\"diagram-hrc-resolution\"");
        assertThat(manager.get("/campaigns/" + campaign + "/replay/999").status()).isEqualTo(404);
        assertThat(manager.get("/diagrams/hrc-resolution").body()).contains("bpmndi:BPMNDiagram");
    }

    @Test
    void a_manager_suspends_resumes_and_cancels_a_campaign_from_its_page_and_others_see_no_such_form() {
        String campaign = campaigns.launchFollowUp("Lifecycle on its page", "2014-02-17");
        String page = "/campaigns/" + campaign;
        PageSession manager = PageSession.signedIn(port, "manager");
        PageSession coordinator = PageSession.signedIn(port, "coordinator");
        assertThat(coordinator.get(page).body()).doesNotContain("id=\"lifecycle\"");
        assertThat(coordinator.post(page + "/suspend", coordinator.csrf(page), Map.of("reason", "mine")).status())
                .isEqualTo(403);

        assertThat(manager.get(page).body()).contains("published on</span> <span id=\"campaign-origin\">17 Feb 2014</span>");
        assertThat(manager.get(page).body()).contains("id=\"suspend-form\"", "id=\"cancel-form\"")
                .doesNotContain("id=\"resume-form\"");
        PageSession.Page blank = manager.post(page + "/suspend", manager.csrf(page), Map.of("reason", ""));
        assertThat(blank.location()).endsWith(page);
        assertThat(manager.get(page).body()).contains("Give the reason for suspending the campaign")
                .contains("id=\"campaign-status\">ACTIVE<");

        manager.post(page + "/suspend", manager.csrf(page), Map.of("reason", "Waiting for the programme of work"));
        String suspended = manager.get(page).body();
        assertThat(suspended).contains("id=\"campaign-status\">SUSPENDED<", "Suspended: Waiting for the programme of work",
                "id=\"resume-form\"").doesNotContain("id=\"suspend-form\"");

        manager.post(page + "/resume", manager.csrf(page), Map.of());
        assertThat(manager.get(page).body()).contains("id=\"campaign-status\">ACTIVE<");

        manager.post(page + "/cancel", manager.csrf(page), Map.of("reason", "Superseded"));
        String cancelled = manager.get(page).body();
        assertThat(cancelled).contains("id=\"campaign-status\">CANCELLED<", "Cancelled: Superseded")
                .doesNotContain("id=\"lifecycle\"");
        assertThat(manager.get(page + "/timeline").body()).contains("manager suspended the campaign: Waiting for the programme of work",
                "manager resumed the campaign", "manager cancelled the campaign: Superseded");
    }

    @Test
    void an_admin_deploys_a_template_from_the_operations_page_and_tries_a_migration() throws Exception {
        String key = "page-template-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String bpmn = org.advocacy.engine.support.TestTemplates.renamed("earlier-facts.bpmn", "earlier-facts", key);
        PageSession admin = PageSession.signedIn(port, "admin");

        Page refused = admin.upload("/admin/templates", admin.csrf("/admin"), "file", key + ".bpmn", "application/xml",
                bpmn.replace("camunda:candidateGroups=\"COORDINATOR\"", ""));
        assertThat(refused.location()).endsWith("/admin");
        assertThat(admin.get("/admin").body()).contains("Nothing was deployed: " + key + ".bpmn, element record-meeting:"
                + " the user task has no role");

        admin.upload("/admin/templates", admin.csrf("/admin"), "file", key + ".bpmn", "application/xml", bpmn);
        String page = admin.get("/admin").body();
        assertThat(page).contains("Deployed Earlier facts (" + key + "), version 1.", "data-template=\"" + key + "\"");

        admin.post("/admin/templates/" + key + "/migrations", admin.csrf("/admin"), Map.of("dryRun", "true"));
        assertThat(admin.get("/admin").body()).contains("No campaign runs an older version of " + key + ".");
        assertThat(PageSession.signedIn(port, "manager").post("/admin/templates", null, Map.of()).status()).isEqualTo(403);
    }
}
