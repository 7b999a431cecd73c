package org.advocacy.engine.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.advocacy.engine.campaign.CampaignRefusal;
import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.Forbidden;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.platform.UserDirectory;
import org.advocacy.engine.tasks.OpenTasks;
import org.advocacy.engine.tasks.OpenTasks.InboxTask;
import org.advocacy.engine.tasks.TaskSteps;
import org.advocacy.engine.tasks.TaskSteps.OpenStep;
import org.advocacy.engine.templates.InvalidSubmission;
import org.advocacy.engine.templates.TemplateFailure;
import org.advocacy.engine.workflow.TemplateCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The coordinator's inbox and the task pages: claim, release, assign (a manager), and the form
 * that completes a task, generated from the template's declaration of its fields.
 */
@Controller
class TaskPages {

    private static final int INBOX_SIZE = 200;

    /** One row of the inbox, ready to show. */
    record Row(InboxTask task, String forumName, String age, String due, boolean overdue, boolean mine, boolean mayDo,
               boolean suspended) {
    }

    private final OpenTasks openTasks;
    private final TaskSteps steps;
    private final CampaignViews campaigns;
    private final TemplateCatalog templates;
    private final UserDirectory users;
    private final NameSuggestions suggestions;
    private final Clock clock;
    private final ForecastPanels forecasts;

    TaskPages(OpenTasks openTasks, TaskSteps steps, CampaignViews campaigns, TemplateCatalog templates,
              UserDirectory users, NameSuggestions suggestions, ForecastPanels forecasts) {
        this.forecasts = forecasts;
        this.openTasks = openTasks;
        this.steps = steps;
        this.campaigns = campaigns;
        this.templates = templates;
        this.users = users;
        this.suggestions = suggestions;
        this.clock = Clock.systemUTC();
    }

    /**
     * The tasks assigned to me and the unclaimed tasks of my roles; a manager may look at every
     * open task ({@code scope=all}) to give it to someone.
     */
    @GetMapping("/inbox")
    String inbox(@RequestParam(required = false) String campaign, @RequestParam(required = false) String forum,
                 @RequestParam(required = false) String taskKey, @RequestParam(required = false) String scope,
                 jakarta.servlet.http.HttpServletRequest request, Model model) {
        // actions come back to the inbox as it was filtered
        model.addAttribute("returnTo", "/inbox" + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        boolean manager = Actors.roles().contains("MANAGER");
        boolean everyone = manager && "all".equals(scope);
        OpenTasks.Query query = new OpenTasks.Query(Actors.current(), Actors.roles(), everyone, campaign, forum, taskKey, 0,
                INBOX_SIZE);
        Instant now = clock.instant();
        List<Row> rows = openTasks.list(query).stream().map(task -> new Row(task, templates.processName(task.forum()),
                Pages.age(task.createdAt(), now), Pages.day(task.due()), task.due() != null && task.due().isBefore(now),
                Actors.current().equals(task.assignee()),
                Actors.roles().contains(task.role()) && !"SUSPENDED".equals(task.campaignStatus()),
                "SUSPENDED".equals(task.campaignStatus()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", openTasks.count(query));
        model.addAttribute("limit", INBOX_SIZE);
        model.addAttribute("manager", manager);
        model.addAttribute("everyone", everyone);
        model.addAttribute("campaigns", openTasks.campaigns(query));
        Map<String, List<String>> values = openTasks.filterValues(query);
        model.addAttribute("forums", values.get("forum").stream()
                .collect(java.util.stream.Collectors.toMap(key -> key, templates::processName, (a, b) -> a,
                        java.util.LinkedHashMap::new)));
        model.addAttribute("taskKeys", values.get("taskKey"));
        model.addAttribute("filter", Map.of("campaign", campaign == null ? "" : campaign, "forum",
                forum == null ? "" : forum, "taskKey", taskKey == null ? "" : taskKey));
        model.addAttribute("usersByRole", Map.of("COORDINATOR", users.withRole("COORDINATOR"),
                "MANAGER", users.withRole("MANAGER")));
        return "inbox";
    }

    @PostMapping("/tasks/{taskId}/claim")
    String claim(@PathVariable String taskId, @RequestParam(required = false) String returnTo,
                 RedirectAttributes redirect) {
        return act(taskId, returnTo, redirect, "You claimed", () -> steps.claim(taskId, null));
    }

    @PostMapping("/tasks/{taskId}/release")
    String release(@PathVariable String taskId, @RequestParam(required = false) String returnTo,
                   RedirectAttributes redirect) {
        return act(taskId, returnTo, redirect, "You released", () -> steps.release(taskId, null));
    }

    @PostMapping("/tasks/{taskId}/assign")
    String assign(@PathVariable String taskId, @RequestParam(required = false) String assignee,
                  @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        return act(taskId, returnTo, redirect, "Assigned to " + assignee + ":", () -> steps.assign(taskId, null, assignee));
    }

    /** Runs a claim, release or assignment; what changed since the page was drawn is said, not failed on. */
    private String act(String taskId, String returnTo, RedirectAttributes redirect, String done, Runnable action) {
        String name = steps.open(taskId).map(step -> step.form().name()).orElse("the task");
        try {
            action.run();
            Pages.done(redirect, done + " " + name + ".");
        } catch (CampaignRefusal refusal) {
            Pages.refused(redirect, sinceDrawn(refusal, name));
        } catch (BadRequest | Forbidden | NotFound refused) {
            Pages.refused(redirect, Pages.capitalised(refused.getMessage()) + ".");
        }
        return Pages.back(returnTo, "/inbox");
    }

    private static String sinceDrawn(CampaignRefusal refusal, String name) {
        return switch (refusal.reason()) {
            case CLAIMED_BY_ANOTHER -> "Someone else has " + name + " now: " + refusal.getMessage()
                    + ". It was claimed after this page was drawn.";
            case TASK_NOT_ACTIVE -> Pages.capitalised(name) + " is no longer open: it was completed or cancelled "
                    + "after this page was drawn.";
            case CAMPAIGN_CLOSED -> "The campaign closed after this page was drawn.";
            default -> Pages.capitalised(refusal.getMessage()) + ".";
        };
    }

    @GetMapping("/tasks/{taskId}")
    String task(@PathVariable String taskId, Model model, RedirectAttributes redirect) {
        return steps.open(taskId).map(step -> form(step, Map.of(), List.of(), model))
                .orElseGet(() -> gone(taskId, redirect));
    }

    @PostMapping("/tasks/{taskId}")
    String complete(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        OpenStep step = steps.open(taskId).orElse(null);
        if (step == null) {
            return gone(taskId, redirect);
        }
        Map<String, Object> body = FormFields.bind(step.form().fields(), form);
        List<String> warnings;
        try {
            warnings = steps.complete(taskId, null, body);
        } catch (InvalidSubmission invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(step, body, invalid.problems(), model);
        } catch (TemplateFailure failed) {
            // the form again, as entered: the step could not be recorded, and its task is still open
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(step, body, List.of(Pages.capitalised(failed.getMessage())), model);
        } catch (CampaignRefusal refusal) {
            Pages.refused(redirect, sinceDrawn(refusal, step.form().name()));
            return "redirect:/campaigns/" + step.campaignId();
        }
        Pages.done(redirect, "Recorded: " + step.form().name() + "."
                + warnings.stream().map(warning -> " Warning: " + Pages.capitalised(warning) + ".").collect(Collectors.joining()));
        return Actors.roles().contains("COORDINATOR") ? "redirect:/inbox" : "redirect:/campaigns/" + step.campaignId();
    }

    private String form(OpenStep step, Map<String, Object> entered, List<String> problems, Model model) {
        CampaignSnapshot campaign = campaigns.current(step.campaignId())
                .orElseThrow(() -> new NotFound("no campaign has the id " + step.campaignId()));
        model.addAttribute("step", step);
        model.addAttribute("campaign", campaign);
        model.addAttribute("forumName", templates.processName(step.form().forum()));
        model.addAttribute("mayComplete", Actors.roles().contains(step.form().role())
                && (step.assignee() == null || step.assignee().equals(Actors.current())));
        List<String> council = suggestions.councilFor(entered, campaign);
        model.addAttribute("fields", FormFields.of(step.form().fields(), entered, problems, council));
        model.addAttribute("unplaced", FormFields.unplaced(step.form().fields(), problems));
        model.addAttribute("problems", problems);
        forecasts.forTask(campaign, step.form().key(), model);
        suggestions.addTo(model, council);
        return "task";
    }

    private String gone(String taskId, RedirectAttributes redirect) {
        Pages.refused(redirect, "That task is no longer open: it was completed or cancelled, or never existed.");
        return "redirect:/inbox";
    }
}
