package org.advocacy.engine.operations;

import java.util.List;

import org.advocacy.engine.operations.OperationsLog.Operation;
import org.advocacy.engine.platform.Paging;
import org.advocacy.engine.workflow.Incidents;
import org.advocacy.engine.workflow.Incidents.OpenIncident;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For operators, newest first with the total in the X-Total-Count header: the operations log
 * (MANAGER and ADMIN) and the workflow engine's open incidents (ADMIN).
 */
@RestController
class OperationsController {

    private static final int LARGEST_PAGE = 1000;

    private final OperationsLog log;
    private final Incidents incidents;

    OperationsController(OperationsLog log, Incidents incidents) {
        this.log = log;
        this.incidents = incidents;
    }

    @GetMapping("/api/operations")
    ResponseEntity<List<Operation>> operations(@RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "50") int size) {
        return Paging.answer(page, size, LARGEST_PAGE, log::count, log::page);
    }

    @GetMapping("/api/admin/incidents")
    ResponseEntity<List<OpenIncident>> incidents(@RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "50") int size) {
        return Paging.answer(page, size, LARGEST_PAGE, incidents::count, incidents::page);
    }
}
