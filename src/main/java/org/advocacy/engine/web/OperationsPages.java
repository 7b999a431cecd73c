package org.advocacy.engine.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.advocacy.engine.audit.Evidence;
import org.advocacy.engine.audit.Evidence.EvidenceFile;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.reference.api.CouncilYearsLoading;
import org.advocacy.engine.replay.ProjectionRebuild;
import org.advocacy.engine.templates.InvalidSubmission;
import org.advocacy.engine.workflow.TemplateCatalog;
import org.advocacy.engine.workflow.TemplateDeployments;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ADMIN's page: rebuilding the projections with its progress, the signing key and the latest
 * signed checkpoints and the operations log (as on the record page), evidence export and import,
 * the templates, the Security Council by year (and loading a later year), the consoles.
 */
@Controller
class OperationsPages {

    private static final int CAMPAIGNS_OFFERED = 500;

    private final ProjectionRebuild rebuild;
    private final Evidence evidence;
    private final CampaignViews campaigns;
    private final ObjectMapper json;
    private final RecordPages record;

    private final TemplateDeployments deployments;
    private final TemplateCatalog templates;
    private final CouncilYearsLoading councilYears;

    OperationsPages(ProjectionRebuild rebuild, Evidence evidence, CampaignViews campaigns, ObjectMapper json,
                    RecordPages record, TemplateDeployments deployments, TemplateCatalog templates,
                    CouncilYearsLoading councilYears) {
        this.councilYears = councilYears;
        this.deployments = deployments;
        this.templates = templates;
        this.rebuild = rebuild;
        this.evidence = evidence;
        this.campaigns = campaigns;
        this.json = json;
        this.record = record;
    }

    @GetMapping("/admin")
    String operations(Model model) {
        model.addAttribute("rebuild", rebuild.status());
        model.addAttribute("campaigns", campaigns.list(0, CAMPAIGNS_OFFERED));
        model.addAttribute("templates", templates.templates().stream()
                .map(template -> new TemplateRow(template.key(), template.name(), template.version(),
                        templates.versions(template.key()))).toList());
        model.addAttribute("councilYears", councilYears.known());
        record.describe(model);
        return "admin";
    }

    record TemplateRow(String key, String name, int version, List<Integer> versions) {
    }

    /** Deploys an uploaded template, or a new version of one, after the same checks as the app's own. */
    @PostMapping("/admin/templates")
    String deployTemplate(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            Pages.refused(redirect, "Choose a template's BPMN file (name.bpmn).");
            return "redirect:/admin";
        }
        try {
            TemplateDeployments.Deployed deployed = deployments.deploy(file.getOriginalFilename(), file.getBytes());
            Pages.done(redirect, deployed.versions().isEmpty()
                    ? "Nothing changed: " + deployed.file() + " is deployed already, as it is."
                    : "Deployed " + deployed.versions().stream().map(version -> version.name() + " (" + version.key()
                            + "), version " + version.version()).collect(Collectors.joining("; ")) + ".");
        } catch (InvalidSubmission refused) {
            Pages.refused(redirect, "Nothing was deployed: " + String.join("; ", refused.problems()) + ".");
        } catch (BadRequest refused) {
            Pages.refused(redirect, "Nothing was deployed: " + refused.getMessage() + ".");
        } catch (IOException unreadable) {
            Pages.refused(redirect, "Nothing was deployed: the file could not be read.");
        }
        return "redirect:/admin";
    }

    /** Loads the Security Council's composition in later years from an uploaded file, after the shipped file's checks. */
    @PostMapping("/admin/council-years")
    String loadCouncilYears(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String source,
                            RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            Pages.refused(redirect, "Choose a Security Council file (year,member,seat, as reference/security-council.csv).");
            return "redirect:/admin";
        }
        try {
            CouncilYearsLoading.Loaded loaded = councilYears.load(file.getBytes(), StandardCharsets.UTF_8, source);
            Pages.done(redirect, "Loaded the Security Council of " + loaded.years().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + " (source: " + loaded.source() + ").");
        } catch (InvalidSubmission refused) {
            Pages.refused(redirect, "Nothing was loaded: " + String.join("; ", refused.problems()) + ".");
        } catch (IOException unreadable) {
            Pages.refused(redirect, "Nothing was loaded: the file could not be read.");
        }
        return "redirect:/admin";
    }

    /** Tries (dry run) or makes the migration of every campaign on an older version of the template to its latest. */
    @PostMapping("/admin/templates/{key}/migrations")
    String migrate(@PathVariable String key, @RequestParam(defaultValue = "false") boolean dryRun,
                   RedirectAttributes redirect) {
        List<TemplateDeployments.Migration> migrations;
        try {
            migrations = deployments.migrate(key, dryRun);
        } catch (NotFound missing) {
            Pages.refused(redirect, Pages.capitalised(missing.getMessage()) + ".");
            return "redirect:/admin";
        }
        long movable = migrations.stream().filter(TemplateDeployments.Migration::canMove).count();
        String refusals = migrations.stream().filter(migration -> !migration.canMove())
                .map(migration -> "campaign " + migration.campaignId() + " (version " + migration.fromVersion() + "): "
                        + migration.reason()).collect(Collectors.joining("; "));
        String summary = migrations.isEmpty() ? "No campaign runs an older version of " + key + "."
                : (dryRun ? movable + " of " + migrations.size() + " campaigns can move"
                        : movable + " of " + migrations.size() + " campaigns moved")
                + " to the latest version of " + key + (refusals.isEmpty() ? "." : "; not " + refusals + ".");
        Pages.done(redirect, summary);
        return "redirect:/admin";
    }

    @PostMapping("/admin/rebuild")
    String startRebuild(RedirectAttributes redirect) {
        try {
            rebuild.start(Actors.current());
            Pages.done(redirect, "The rebuild has started; its progress shows below.");
        } catch (ProjectionRebuild.AlreadyRunning running) {
            Pages.refused(redirect, "A rebuild is already running; its progress shows below.");
        }
        return "redirect:/admin";
    }

    /** The progress bar alone, which the page polls while a rebuild runs. */
    @GetMapping("/admin/rebuild/progress")
    String progress(Model model) {
        model.addAttribute("rebuild", rebuild.status());
        return "admin :: progress";
    }

    @GetMapping("/admin/evidence")
    ResponseEntity<EvidenceFile> exportEvidence(@RequestParam String campaign) {
        return evidence.download(campaign);
    }

    @PostMapping("/admin/evidence")
    String importEvidence(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            Pages.refused(redirect, "Choose an evidence file (the JSON that a campaign's evidence export gives).");
            return "redirect:/admin";
        }
        EvidenceFile read;
        try {
            read = json.readValue(file.getBytes(), EvidenceFile.class);
        } catch (JsonProcessingException unreadable) {
            Pages.refused(redirect, "Nothing was imported: " + file.getOriginalFilename()
                    + " is not an evidence file (" + unreadable.getOriginalMessage() + ").");
            return "redirect:/admin";
        } catch (IOException unreadable) {
            Pages.refused(redirect, "Nothing was imported: the file could not be read.");
            return "redirect:/admin";
        }
        try {
            evidence.importFile(read, Actors.current());
        } catch (BadRequest refused) {
            Pages.refused(redirect, "Nothing was imported: " + refused.getMessage() + ".");
            return "redirect:/admin";
        }
        Pages.done(redirect, "Imported campaign " + read.campaignId() + ": every link of its chain verified, and its head is the one that"
                + " a trusted key signed.");
        return "redirect:/campaigns/" + read.campaignId();
    }
}
