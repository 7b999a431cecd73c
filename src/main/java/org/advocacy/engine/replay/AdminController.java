package org.advocacy.engine.replay;

import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.replay.ProjectionRebuild.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations for ADMINs: rebuilding the projections from the event store, and its progress. */
@RestController
class AdminController {

    private final ProjectionRebuild rebuild;

    AdminController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/admin/projections/rebuild")
    ResponseEntity<Status> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start(Actors.current()));
    }

    @GetMapping("/api/admin/projections/rebuild")
    Status progress() {
        return rebuild.status();
    }

    @ExceptionHandler
    ProblemDetail alreadyRunning(ProjectionRebuild.AlreadyRunning running) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, running.getMessage());
    }
}
