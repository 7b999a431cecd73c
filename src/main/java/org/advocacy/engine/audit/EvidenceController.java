package org.advocacy.engine.audit;

import org.advocacy.engine.audit.Evidence.EvidenceFile;
import org.advocacy.engine.platform.Actors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's events as a file (MANAGER), and that file imported into another store (ADMIN). */
@RestController
class EvidenceController {

    private final Evidence evidence;

    EvidenceController(Evidence evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/api/campaigns/{id}/evidence")
    ResponseEntity<EvidenceFile> export(@PathVariable String id) {
        return evidence.download(id);
    }

    @PostMapping("/api/admin/evidence")
    ResponseEntity<Void> importFile(@RequestBody EvidenceFile file) {
        evidence.importFile(file, Actors.current());
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/campaigns/" + file.campaignId())
                .build();
    }
}
