package org.advocacy.engine.operations;

import java.util.List;

import org.advocacy.engine.operations.OperationsLog.Operation;
import org.advocacy.engine.platform.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operations log, newest first (MANAGER and ADMIN); the total in the X-Total-Count header. */
@RestController
class OperationsController {

    private static final int LARGEST_PAGE = 1000;

    private final OperationsLog log;

    OperationsController(OperationsLog log) {
        this.log = log;
    }

    @GetMapping("/api/operations")
    ResponseEntity<List<Operation>> operations(@RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "50") int size) {
        int offset = Paging.offset(page, size, LARGEST_PAGE);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(log.count())).body(log.page(offset, size));
    }
}
