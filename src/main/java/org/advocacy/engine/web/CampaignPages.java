package org.advocacy.engine.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.audit.History;
import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.campaign.CampaignRefusal;
import org.advocacy.engine.campaign.api.CampaignLaunching;
import org.advocacy.engine.campaign.api.CampaignLifecycle;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.platform.Paging;
import org.advocacy.engine.templates.FieldSpec;
import org.advocacy.engine.templates.FieldType;
import org.advocacy.engine.templates.InvalidSubmission;
import org.advocacy.engine.templates.Template;
import org.advocacy.engine.templates.TemplateFailure;
import org.advocacy.engine.workflow.TemplateCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The campaign list, starting a campaign, and the campaign page: where it stands on its diagrams,
 * its outcomes and votes, and the replay of its record event by event.
 */
@Controller
class CampaignPages {

    private static final int PAGE_SIZE = 50;
    /** The title is not a template field, but the start form asks for it like one. */
    private static final FieldSpec TITLE = new FieldSpec("title", "Title", FieldType.STRING, true, null, List.of(),
            null, (long) CampaignLaunching.LONGEST_TITLE, false, null, null);

    private final CampaignViews views;
    private final CampaignLaunching launching;
    private final TemplateCatalog templates;
    private final History history;
    private final ObjectMapper json;

    private final CampaignLifecycle lifecycle;
    private final ForecastPanels forecasts;

    CampaignPages(CampaignViews views, CampaignLaunching launching, TemplateCatalog templates, History history,
                  ObjectMapper json, CampaignLifecycle lifecycle, ForecastPanels forecasts) {
        this.lifecycle = lifecycle;
        this.forecasts = forecasts;
        this.json = json;
        this.views = views;
        this.launching = launching;
        this.templates = templates;
        this.history = history;
    }

    @GetMapping("/campaigns")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int shown = Paging.shownPage(page, PAGE_SIZE + 1);
        var campaigns = views.list(shown * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("campaigns", campaigns.subList(0, Math.min(PAGE_SIZE, campaigns.size())));
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", campaigns.size() > PAGE_SIZE);
        model.addAttribute("templateNames", templateNames());
        return "campaigns";
    }

    @GetMapping("/campaigns/new")
    String startForm(@RequestParam(required = false) String template, Model model) {
        return start(template, Map.of(), List.of(), model);
    }

    @PostMapping("/campaigns")
    String launch(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        String key = form.getFirst("template");
        Template template = key == null ? null : templates.template(key).orElse(null);
        if (template == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return start(null, Map.of(), List.of("choose a template"), model);
        }
        Map<String, Object> body = new LinkedHashMap<>(FormFields.bind(startSpecs(template), form));
        body.put("template", key);
        try {
            String id = launching.launch(body);
            Pages.done(redirect, "The campaign has started. Its first tasks are in the inbox.");
            return "redirect:/campaigns/" + id;
        } catch (InvalidSubmission invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            body.remove("template");
            return start(key, body, invalid.problems(), model);
        } catch (TemplateFailure failed) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            body.remove("template");
            return start(key, body, List.of(Pages.capitalised(failed.getMessage())), model);
        }
    }

    private String start(String templateKey, Map<String, Object> entered, List<String> problems, Model model) {
        List<Template> all = templates.templates();
        Template chosen = templateKey == null ? (all.size() == 1 ? all.get(0) : null)
                : all.stream().filter(template -> template.key().equals(templateKey)).findFirst().orElse(null);
        model.addAttribute("templates", all);
        model.addAttribute("chosen", chosen);
        model.addAttribute("problems", problems);
        if (chosen != null) {
            List<FieldSpec> specs = startSpecs(chosen);
            model.addAttribute("fields", FormFields.of(specs, entered, problems, List.of()));
            model.addAttribute("unplaced", FormFields.unplaced(specs, problems));
        } else {
            model.addAttribute("unplaced", problems);
        }
        model.addAttribute("memberStates", List.of());
        model.addAttribute("councilMembers", List.of());
        return "campaign-new";
    }

    private static List<FieldSpec> startSpecs(Template template) {
        List<FieldSpec> specs = new java.util.ArrayList<>();
        specs.add(TITLE);
        specs.addAll(template.startFields());
        return specs;
    }

    /** A manager suspends, resumes or cancels the campaign from its page; a refusal comes back as the page's message. */
    @PostMapping("/campaigns/{id}/suspend")
    String suspend(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return lifecycleChange(id, redirect, () -> lifecycle.suspend(id, reason),
                "The campaign is suspended: its tasks wait until a manager resumes it.");
    }

    @PostMapping("/campaigns/{id}/resume")
    String resume(@PathVariable String id, RedirectAttributes redirect) {
        return lifecycleChange(id, redirect, () -> lifecycle.resume(id),
                "The campaign goes on: its tasks can be claimed and completed again.");
    }

    @PostMapping("/campaigns/{id}/cancel")
    String cancel(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return lifecycleChange(id, redirect, () -> lifecycle.cancel(id, reason),
                "The campaign is cancelled: its open tasks were cancelled and its workflow ended.");
    }

    private static String lifecycleChange(String id, RedirectAttributes redirect, Runnable change, String done) {
        try {
            change.run();
            Pages.done(redirect, done);
        } catch (CampaignRefusal | BadRequest refused) {
            Pages.refused(redirect, Pages.capitalised(refused.getMessage()) + ".");
        }
        return "redirect:/campaigns/" + id;
    }

    /** The campaign now, or, with {@code at}, as it stood right after that event (the replay without script). */
    @GetMapping("/campaigns/{id}")
    String campaign(@PathVariable String id, @RequestParam(required = false) Long at, Model model) {
        CampaignSnapshot now = found(id);
        long position = at == null ? now.lastSequence() : Math.max(0, Math.min(at, now.lastSequence()));
        model.addAttribute("now", now);
        model.addAttribute("processes", templates.processKeys(now.template()).stream()
                .map(key -> Map.entry(key, templates.processName(key))).toList());
        model.addAttribute("templateName", templates.template(now.template()).map(Template::name).orElse(now.template()));
        // the template's own words for the date that the campaign counts from ("Published on", "Proposed on")
        model.addAttribute("originLabel", templates.template(now.template()).flatMap(template -> template.startFields()
                .stream().filter(FieldSpec::origin).map(FieldSpec::label).findFirst()).orElse("Since"));
        model.addAttribute("mayDoTasks", Actors.roles().contains("COORDINATOR") || Actors.roles().contains("MANAGER"));
        forecasts.forCampaign(now, model);
        replayModel(now, position, model);
        return "campaign";
    }

    /** One point of the replay, as the part of the campaign page that it changes. */
    @GetMapping("/campaigns/{id}/replay/{sequence}")
    String replay(@PathVariable String id, @PathVariable long sequence, Model model) {
        CampaignSnapshot now = found(id);
        if (sequence < 0 || sequence > now.lastSequence()) {
            throw new NotFound("campaign " + id + " has events 0 to " + now.lastSequence() + ", not " + sequence);
        }
        model.addAttribute("now", now);
        model.addAttribute("mayDoTasks", Actors.roles().contains("COORDINATOR") || Actors.roles().contains("MANAGER"));
        replayModel(now, sequence, model);
        return "campaign-replay";
    }

    private void replayModel(CampaignSnapshot now, long position, Model model) {
        CampaignSnapshot then = position == now.lastSequence() ? now : views.asOf(now.id(), position)
                .orElseThrow(() -> new NotFound("campaign " + now.id() + " has no event " + position));
        Map<String, String> taskNames = templates.taskNames(now.template());
        CampaignState state = CampaignState.of(then, templates.processKeys(now.template()), new CampaignState.Names() {
            @Override
            public String task(String key) {
                return taskNames.getOrDefault(key, key);
            }

            @Override
            public String field(String taskKey, String fieldId) {
                return templates.template(now.template()).flatMap(template -> template.task(taskKey))
                        .flatMap(task -> task.fields().stream().filter(field -> field.id().equals(fieldId)).findFirst())
                        .map(field -> field.label()).orElse(FormFields.VOTE_LABELS.getOrDefault(fieldId, fieldId));
            }

            @Override
            public String process(String key) {
                return key == null ? "" : templates.processName(key);
            }
        });
        model.addAttribute("state", state);
        try {
            model.addAttribute("markersJson", json.writeValueAsString(state.markers()));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        model.addAttribute("position", position);
        model.addAttribute("latest", position == now.lastSequence());
        model.addAttribute("event", history.at(now.id(), position).map(entry -> new EventLine(entry,
                EventSentences.describe(entry, taskNames::get), Pages.minute(entry.occurredAt()))).orElse(null));
    }

    /** One event as the timeline and the replay show it. */
    record EventLine(History.Entry entry, String sentence, String when) {
    }

    @GetMapping(value = "/diagrams/{processKey}", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<byte[]> diagram(@PathVariable String processKey) {
        return templates.processModel(processKey).map(ResponseEntity::ok)
                .orElseThrow(() -> new NotFound("no process is deployed with the key " + processKey));
    }


    private Map<String, String> templateNames() {
        Map<String, String> names = new LinkedHashMap<>();
        templates.templates().forEach(template -> names.put(template.key(), template.name()));
        return names;
    }

    private CampaignSnapshot found(String id) {
        return views.current(id).orElseThrow(() -> new NotFound("no campaign has the id " + id));
    }
}
