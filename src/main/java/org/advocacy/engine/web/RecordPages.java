package org.advocacy.engine.web;

import org.advocacy.engine.audit.Checkpoints;
import org.advocacy.engine.audit.Signatures;
import org.advocacy.engine.audit.SignedCheckpoint;
import org.advocacy.engine.audit.SigningKey;
import org.advocacy.engine.operations.OperationsLog;
import org.advocacy.engine.platform.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The record page, for MANAGERs and ADMINs: the signing key, the latest signed checkpoints (signed
 * on demand, downloaded to keep outside the system) and the operations log.
 */
@Controller
class RecordPages {

    private static final int CHECKPOINTS_SHOWN = 10;
    private static final int OPERATIONS_SHOWN = 20;

    private final Checkpoints checkpoints;
    private final Signatures signatures;
    private final OperationsLog operations;

    RecordPages(Checkpoints checkpoints, Signatures signatures, OperationsLog operations) {
        this.checkpoints = checkpoints;
        this.signatures = signatures;
        this.operations = operations;
    }

    @GetMapping("/record")
    String record(Model model) {
        describe(model);
        return "record";
    }

    @PostMapping("/record/checkpoints")
    String checkpoint(RedirectAttributes redirect) {
        Checkpoints.Checkpoint made = checkpoints.create(Checkpoints.Reason.DEMAND, Actors.current());
        Pages.done(redirect, "Checkpoint " + made.id() + " signed: " + made.campaigns() + " campaigns, "
                + made.events() + " events. Download it to keep it outside this system.");
        return "redirect:/record";
    }

    @GetMapping("/record/checkpoints/{id}")
    ResponseEntity<SignedCheckpoint> download(@PathVariable long id) {
        return checkpoints.download(id);
    }

    /** What the record's sections show, on this page and on the operations page. */
    void describe(Model model) {
        model.addAttribute("keyId", signatures.key().id());
        model.addAttribute("publicKey", SigningKey.pem(signatures.key().publicKey()));
        model.addAttribute("checkpoints", checkpoints.list(0, CHECKPOINTS_SHOWN));
        model.addAttribute("operations", operations.page(0, OPERATIONS_SHOWN));
    }
}
