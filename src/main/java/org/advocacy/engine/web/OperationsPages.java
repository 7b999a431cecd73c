package org.advocacy.engine.web;

import java.io.IOException;

import org.advocacy.engine.audit.Evidence;
import org.advocacy.engine.audit.Evidence.EvidenceFile;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.replay.ProjectionRebuild;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ADMIN's page: rebuilding the projections with its progress, the signing key and the latest
 * signed checkpoints and the operations log (as on the record page), evidence export and import,
 * the consoles.
 */
@Controller
class OperationsPages {

    private static final int CAMPAIGNS_OFFERED = 500;

    private final ProjectionRebuild rebuild;
    private final Evidence evidence;
    private final CampaignViews campaigns;
    private final ObjectMapper json;
    private final RecordPages record;

    OperationsPages(ProjectionRebuild rebuild, Evidence evidence, CampaignViews campaigns, ObjectMapper json,
                    RecordPages record) {
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
        record.describe(model);
        return "admin";
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
