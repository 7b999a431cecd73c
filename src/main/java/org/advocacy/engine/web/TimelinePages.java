package org.advocacy.engine.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.audit.History;
import org.advocacy.engine.audit.HistoryDownloads;
import org.advocacy.engine.audit.HistoryFilter;
import org.advocacy.engine.audit.Integrity;
import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.platform.Paging;
import org.advocacy.engine.workflow.TemplateCatalog;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A campaign's events as a timeline of readable sentences (filtered as the history API filters),
 * its downloads and its verify badge; and the activity across every campaign.
 */
@Controller
class TimelinePages {

    private static final int PAGE_SIZE = 100;
    static final List<String> EVENT_TYPES = java.util.Arrays.stream(
            org.advocacy.engine.campaign.CampaignEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList();

    /** One event as the timeline shows it. */
    record Line(History.Entry entry, String sentence, String when, String payload, String campaignTitle) {
    }

    private final History history;
    private final HistoryDownloads downloads;
    private final Integrity integrity;
    private final CampaignViews campaigns;
    private final TemplateCatalog templates;

    TimelinePages(History history, HistoryDownloads downloads, CampaignViews campaigns, TemplateCatalog templates,
                  Integrity integrity) {
        this.history = history;
        this.integrity = integrity;
        this.downloads = downloads;
        this.campaigns = campaigns;
        this.templates = templates;
    }

    @GetMapping("/campaigns/{id}/timeline")
    String timeline(@PathVariable String id, @RequestParam(required = false) String type,
                    @RequestParam(required = false) String actor, @RequestParam(required = false) String forum,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        CampaignSnapshot campaign = found(id);
        HistoryFilter filter = filter(type, actor, forum, from, to, model);
        int shown = Paging.shownPage(page, PAGE_SIZE + 1);
        Map<String, String> names = templates.taskNames(campaign.template());
        List<Line> lines = history.page(id, filter, shown * PAGE_SIZE, PAGE_SIZE).stream()
                .map(entry -> line(entry, names, campaign.title())).toList();
        long total = history.count(id, filter);
        model.addAttribute("campaign", campaign);
        model.addAttribute("lines", lines);
        model.addAttribute("total", total);
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", (long) (shown + 1) * PAGE_SIZE < total);
        model.addAttribute("forums", templates.processKeys(campaign.template()).stream()
                .map(key -> Map.entry(key, templates.processName(key))).toList());
        model.addAttribute("types", EVENT_TYPES);
        if (Actors.roles().contains("MANAGER")) {
            model.addAttribute("verification", integrity.verify(id));
        }
        return "timeline";
    }

    @GetMapping("/campaigns/{id}/timeline/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String id, @RequestParam(defaultValue = "csv") String format) {
        found(id);
        return downloads.download(id, format);
    }

    /** What happened across every campaign, newest first. */
    @GetMapping("/activity")
    String activity(@RequestParam(required = false) String type, @RequestParam(required = false) String actor,
                    @RequestParam(required = false) String forum, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model) {
        HistoryFilter filter = filter(type, actor, forum, from, to, model);
        int shown = Paging.shownPage(page, PAGE_SIZE + 1);
        List<History.Entry> entries = history.feed(filter, shown * PAGE_SIZE, PAGE_SIZE + 1);
        Map<String, CampaignSnapshot> seen = new LinkedHashMap<>();
        List<Line> lines = entries.subList(0, Math.min(PAGE_SIZE, entries.size())).stream().map(entry -> {
            CampaignSnapshot campaign = seen.computeIfAbsent(entry.campaignId(),
                    campaignId -> campaigns.current(campaignId).orElse(null));
            Map<String, String> names = campaign == null ? Map.of() : templates.taskNames(campaign.template());
            return line(entry, names, campaign == null ? entry.campaignId() : campaign.title());
        }).toList();
        model.addAttribute("lines", lines);
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
        model.addAttribute("types", EVENT_TYPES);
        model.addAttribute("forums", templates.templates().stream()
                .flatMap(template -> templates.processKeys(template.key()).stream()).distinct()
                .map(key -> Map.entry(key, templates.processName(key))).toList());
        return "activity";
    }

    private static Line line(History.Entry entry, Map<String, String> names, String campaignTitle) {
        return new Line(entry, EventSentences.describe(entry, names::get), Pages.minute(entry.occurredAt()),
                entry.payload() == null ? "" : entry.payload().toPrettyString(), campaignTitle);
    }

    /** The history API's filters, with days for dates: {@code to} is the last day included. */
    private static HistoryFilter filter(String type, String actor, String forum, String from, String to, Model model) {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("type", blankless(type));
        given.put("actor", blankless(actor));
        given.put("forum", blankless(forum));
        given.put("from", blankless(from));
        given.put("to", blankless(to));
        model.addAttribute("filter", given);
        Instant fromInstant = day("from", given.get("from"), 0);
        Instant toInstant = day("to", given.get("to"), 1);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw new BadRequest("the first day (" + given.get("from") + ") is after the last (" + given.get("to") + ")");
        }
        return new HistoryFilter(given.get("type"), given.get("actor"), given.get("forum"), fromInstant, toInstant);
    }

    private static Instant day(String name, String value, int daysLater) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).plusDays(daysLater).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADay) {
            throw new BadRequest(name + " must be a day written YYYY-MM-DD, not " + value);
        }
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }


    private CampaignSnapshot found(String id) {
        return campaigns.current(id).orElseThrow(() -> new NotFound("no campaign has the id " + id));
    }
}
