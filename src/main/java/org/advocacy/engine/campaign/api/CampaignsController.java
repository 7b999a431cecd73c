package org.advocacy.engine.campaign.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.campaign.ActiveTask;
import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.campaign.view.CampaignViews.CampaignSummary;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.CampaignCommandGateway;
import org.advocacy.engine.platform.IdempotentRequests;
import org.advocacy.engine.platform.Instants;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.platform.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaigns")
class CampaignsController {

    private static final int LARGEST_PAGE = 500;

    private final CampaignLaunching launching;
    private final CampaignViews views;
    private final IdempotentRequests idempotent;
    private final CampaignLifecycle lifecycle;

    CampaignsController(CampaignLaunching launching, CampaignViews views, IdempotentRequests idempotent,
                        CampaignLifecycle lifecycle) {
        this.launching = launching;
        this.views = views;
        this.idempotent = idempotent;
        this.lifecycle = lifecycle;
    }

    /** Body {@code {"reason": "..."}}; MANAGER only. Its tasks cannot be claimed or completed until it resumes. */
    @PostMapping("/{id}/suspend")
    ResponseEntity<Void> suspend(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        lifecycle.suspend(id, reason(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/resume")
    ResponseEntity<Void> resume(@PathVariable String id) {
        lifecycle.resume(id);
        return ResponseEntity.noContent().build();
    }

    /** Body {@code {"reason": "..."}}; MANAGER only. Its open tasks are cancelled and its workflow ended. */
    @PostMapping("/{id}/cancel")
    ResponseEntity<Void> cancel(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        lifecycle.cancel(id, reason(body));
        return ResponseEntity.noContent().build();
    }

    private static String reason(Map<String, Object> body) {
        Object reason = body == null ? null : body.get("reason");
        if (reason != null && !(reason instanceof String)) {
            throw new BadRequest("reason must be a text");
        }
        return (String) reason;
    }

    /** With an Idempotency-Key, a retry gets the same 201 and Location: the campaign the first request made. */
    @PostMapping
    ResponseEntity<CampaignSnapshot> launch(@RequestBody(required = false) Map<String, Object> body,
                                            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        IdempotentRequests.Result launched = idempotent.once(key, "POST /api/campaigns", body, () -> launching.launch(body));
        String id = launched.value();
        return ResponseEntity.created(URI.create("/api/campaigns/" + id))
                .headers(IdempotentRequests.replayedHeader(launched)).body(found(id));
    }

    @GetMapping
    List<CampaignSummary> list(@RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "100") int size) {
        return views.list(Paging.offset(page, size, LARGEST_PAGE), size);
    }

    /**
     * The campaign now, or as it stood right after its event {@code asOf} (events count from 0),
     * or at the instant {@code asOfTime}; the past is folded from the event store.
     */
    @GetMapping("/{id}")
    ResponseEntity<CampaignSnapshot> campaign(@PathVariable String id, @RequestParam(required = false) Long asOf,
                                              @RequestParam(required = false) String asOfTime) {
        CampaignSnapshot current = found(id);
        if (asOf != null && asOfTime != null) {
            throw new BadRequest("give asOf or asOfTime, not both");
        }
        if (asOf != null) {
            if (asOf < 0 || asOf > current.lastSequence()) {
                throw new BadRequest("asOf is the sequence number of an event: campaign " + id + " has events 0 to "
                        + current.lastSequence());
            }
            return ResponseEntity.ok(views.asOf(id, asOf)
                    .orElseThrow(() -> new NotFound("campaign " + id + " has no event " + asOf)));
        }
        if (asOfTime != null) {
            Instant time = Instants.parameter("asOfTime", asOfTime);
            return ResponseEntity.ok(views.asOfTime(id, time).orElseThrow(() -> new BadRequest(
                    "campaign " + id + " was launched at " + current.launchedAt() + ", after " + time)));
        }
        // the current state's tag: a step sent with If-Match of it is refused (412) once the campaign moved on
        return ResponseEntity.ok().eTag(CampaignCommandGateway.tag(current.lastSequence())).body(current);
    }

    @GetMapping("/{id}/tasks")
    List<ActiveTask> tasks(@PathVariable String id) {
        return found(id).activeTasks();
    }

    private CampaignSnapshot found(String id) {
        return views.current(id).orElseThrow(() -> new NotFound("no campaign has the id " + id));
    }
}
