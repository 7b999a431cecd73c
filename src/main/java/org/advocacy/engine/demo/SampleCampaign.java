package org.advocacy.engine.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.campaign.ActiveTask;
import org.advocacy.engine.campaign.api.CampaignLaunching;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.tasks.TaskSteps;
import org.advocacy.engine.whip.WhipCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Under the demo profile, makes sure the 2014 DPRK campaign is there, finished, when the app
 * starts: driven step by step through the same services as the API, as the demo users, so its
 * history is real; with the whip count of its procedural vote, assessed before the vote, so that
 * the forecast and its comparison with the result show.
 */
@Component
@Profile("demo")
class SampleCampaign {

    private static final Logger log = LoggerFactory.getLogger(SampleCampaign.class);

    private final CampaignLaunching launching;
    private final TaskSteps steps;
    private final CampaignViews views;
    private final ObjectMapper json;
    private final String resource;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final WhipCount whipCount;

    SampleCampaign(CampaignLaunching launching, TaskSteps steps, CampaignViews views, ObjectMapper json,
                   @Value("${campaigns.demo.sample-campaign}") String resource, PlatformTransactionManager transactions,
                   JdbcTemplate jdbc, WhipCount whipCount) {
        this.whipCount = whipCount;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.launching = launching;
        this.steps = steps;
        this.views = views;
        this.json = json;
        this.resource = resource;
    }

    record Step(String task, Map<String, Object> fields, String as) {
    }

    /** Members' expected positions in a vote, assessed before the step {@code before}. */
    record Assessment(String before, String voteKey, Integer year, List<Map<String, Object>> positions) {
    }

    record Scenario(String name, Map<String, Object> start, List<Step> steps, List<Assessment> positions) {

        Scenario {
            positions = positions == null ? List.of() : positions;
        }
    }

    /**
     * Loads the sample in one transaction: nobody sees it half loaded, and a stop in the middle
     * leaves nothing behind, so that the next start loads it whole.
     */
    @EventListener(ApplicationReadyEvent.class)
    void loadOnce() throws IOException {
        Scenario scenario;
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            scenario = json.readValue(in, new TypeReference<>() { });
        }
        String title = (String) scenario.start().get("title");
        try {
            transaction.executeWithoutResult(status -> load(scenario, title));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void load(Scenario scenario, String title) {
        // instances starting at the same moment take turns, so that the second sees the first's sample
        jdbc.execute("SET LOCAL lock_timeout = 0");
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", SampleCampaign.class.getName());
        if (views.existsWithTitle(title)) {
            return;
        }
        actAs("coordinator");
        String id = launching.launch(scenario.start());
        for (Step step : scenario.steps()) {
            actAs("coordinator");
            scenario.positions().stream().filter(assessment -> assessment.before().equals(step.task()))
                    .forEach(assessment -> whipCount.assess(id, assessment.voteKey(), assessment.year(),
                            assessment.positions()));
            actAs(step.as() == null ? "coordinator" : step.as());
            ActiveTask task = views.current(id).orElseThrow().activeTasks().stream()
                    .filter(active -> active.key().equals(step.task())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("sample step " + step.task() + " is not active"));
            steps.complete(task.id(), id, step.fields());
        }
        log.info("Loaded the sample campaign '{}' as {}", title, id);
    }

    private static void actAs(String user) {
        String role = switch (user) {
            case "manager" -> "ROLE_MANAGER";
            case "admin" -> "ROLE_ADMIN";
            default -> "ROLE_COORDINATOR";
        };
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority(role))));
    }
}
