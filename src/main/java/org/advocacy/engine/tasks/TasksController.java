package org.advocacy.engine.tasks;

import java.util.List;
import java.util.Map;

import org.advocacy.engine.platform.Actors;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.Forbidden;
import org.advocacy.engine.platform.IdempotentRequests;
import org.advocacy.engine.platform.Paging;
import org.advocacy.engine.tasks.OpenTasks.InboxTask;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's open tasks across campaigns (the inbox's list), and claiming and completing tasks; the
 * campaign-scoped paths also refuse a task of another campaign.
 */
@RestController
class TasksController {

    private static final int LARGEST_PAGE = 200;

    private final TaskSteps steps;
    private final OpenTasks openTasks;
    private final IdempotentRequests idempotent;

    TasksController(TaskSteps steps, OpenTasks openTasks, IdempotentRequests idempotent) {
        this.steps = steps;
        this.openTasks = openTasks;
        this.idempotent = idempotent;
    }

    /**
     * The tasks assigned to the caller and the unclaimed tasks of the caller's roles, earliest due
     * first (no due date last), then oldest; {@code scope=all}: every open task (a MANAGER only).
     * The number of matching tasks is in {@code X-Total-Count}.
     */
    @GetMapping("/api/tasks")
    ResponseEntity<List<InboxTask>> tasks(@RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size,
                                          @RequestParam(required = false) String campaign,
                                          @RequestParam(required = false) String forum,
                                          @RequestParam(required = false) String taskKey,
                                          @RequestParam(defaultValue = "mine") String scope) {
        int offset = Paging.offset(page, size, LARGEST_PAGE);
        if (!scope.equals("mine") && !scope.equals("all")) {
            throw new BadRequest("scope must be mine or all, not " + scope);
        }
        boolean everyone = scope.equals("all");
        if (everyone && !Actors.roles().contains("MANAGER")) {
            throw new Forbidden("only a MANAGER sees every open task");
        }
        OpenTasks.Query query = new OpenTasks.Query(Actors.current(), Actors.roles(), everyone, campaign, forum, taskKey,
                offset, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(openTasks.count(query)))
                .body(openTasks.list(query));
    }

    @PostMapping("/api/tasks/{taskId}/claim")
    ResponseEntity<Void> claim(@PathVariable String taskId,
                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                               @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return once(key, "claim " + taskId, null, () -> steps.claim(taskId, null, ifMatch));
    }

    @PostMapping("/api/tasks/{taskId}/release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable String taskId) {
        steps.release(taskId, null);
    }

    /** Body {@code {"assignee": "name"}}; MANAGER only. */
    @PostMapping("/api/tasks/{taskId}/assign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void assign(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> body) {
        if (body != null && !body.keySet().stream().allMatch("assignee"::equals)) {
            throw new BadRequest("an assignment takes only the field assignee, the name of a user of the task's role");
        }
        Object assignee = body == null ? null : body.get("assignee");
        steps.assign(taskId, null, assignee instanceof String name ? name : null);
    }

    @PostMapping("/api/tasks/{taskId}/complete")
    ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> fields,
                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return completion(key, taskId, fields, () -> steps.complete(taskId, null, fields, ifMatch));
    }

    @PostMapping("/api/campaigns/{campaignId}/tasks/{taskId}/claim")
    ResponseEntity<Void> claimInCampaign(@PathVariable String campaignId, @PathVariable String taskId,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return once(key, "claim " + taskId, null, () -> steps.claim(taskId, campaignId, ifMatch));
    }

    @PostMapping("/api/campaigns/{campaignId}/tasks/{taskId}/complete")
    ResponseEntity<Void> completeInCampaign(@PathVariable String campaignId, @PathVariable String taskId,
                                            @RequestBody(required = false) Map<String, Object> fields,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return completion(key, taskId, fields, () -> steps.complete(taskId, campaignId, fields, ifMatch));
    }

    /**
     * A completion, once per Idempotency-Key; each warning that the step raised without being
     * refused is a {@code Warning} header ({@code 299 - "..."}, RFC 9111's miscellaneous warning).
     */
    private ResponseEntity<Void> completion(String key, String taskId, Map<String, Object> fields,
                                            java.util.function.Supplier<List<String>> step) {
        List<List<String>> raised = new java.util.ArrayList<>();
        ResponseEntity<Void> answer = once(key, "complete " + taskId, fields, () -> raised.add(step.get()));
        if (raised.isEmpty() || raised.get(0).isEmpty()) {
            return answer;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(answer.getHeaders());
        raised.get(0).forEach(warning -> headers.add(HttpHeaders.WARNING, "299 - \"" + warning.replace("\"", "'") + "\""));
        return ResponseEntity.noContent().headers(headers).build();
    }

    /**
     * A step sent with an Idempotency-Key runs once: a retry gets 204 again (marked as replayed)
     * and records nothing. Both paths of a task's step share a request name, so that a retry
     * through the other path is the same request.
     */
    private ResponseEntity<Void> once(String key, String request, Object body, Runnable step) {
        IdempotentRequests.Result result = idempotent.once(key, request, body, () -> {
            step.run();
            return null;
        });
        return ResponseEntity.noContent().headers(IdempotentRequests.replayedHeader(result)).build();
    }
}
