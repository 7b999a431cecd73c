package org.advocacy.engine.tasks;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Claiming and completing tasks; the campaign-scoped paths also refuse a task of another campaign. */
@RestController
class TasksController {

    private final TaskSteps steps;

    TasksController(TaskSteps steps) {
        this.steps = steps;
    }

    @PostMapping("/api/tasks/{taskId}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void claim(@PathVariable String taskId) {
        steps.claim(taskId, null);
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
        Object assignee = body == null ? null : body.get("assignee");
        steps.assign(taskId, null, assignee instanceof String name ? name : null);
    }

    @PostMapping("/api/tasks/{taskId}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> fields) {
        steps.complete(taskId, null, fields);
    }

    @PostMapping("/api/campaigns/{campaignId}/tasks/{taskId}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void claimInCampaign(@PathVariable String campaignId, @PathVariable String taskId) {
        steps.claim(taskId, campaignId);
    }

    @PostMapping("/api/campaigns/{campaignId}/tasks/{taskId}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void completeInCampaign(@PathVariable String campaignId, @PathVariable String taskId,
                            @RequestBody(required = false) Map<String, Object> fields) {
        steps.complete(taskId, campaignId, fields);
    }
}
