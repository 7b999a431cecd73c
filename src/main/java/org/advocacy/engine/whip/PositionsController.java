package org.advocacy.engine.whip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.campaign.ActiveTask;
import org.advocacy.engine.campaign.CampaignSnapshot;
import org.advocacy.engine.platform.BadRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Members' positions in a campaign's votes, who votes, the forecasts, and how they fared. */
@RestController
class PositionsController {

    private final WhipCount whipCount;
    private final ForecastRecord record;
    private final PathWarnings warnings;

    PositionsController(WhipCount whipCount, ForecastRecord record, PathWarnings warnings) {
        this.whipCount = whipCount;
        this.record = record;
        this.warnings = warnings;
    }

    /** An open task's warnings. */
    record TaskWarnings(String taskId, String taskKey, List<String> warnings) {
    }

    /** Body {@code {"year": 2014, "positions": [{"member", "position", "note", "source"}]}}; year for Council votes. */
    @PostMapping("/api/campaigns/{id}/positions/{voteKey}")
    ResponseEntity<Void> assess(@PathVariable String id, @PathVariable String voteKey,
                                @RequestBody(required = false) Map<String, Object> body) {
        onlyFields(body, "year", "positions");
        Object positions = body == null ? null : body.get("positions");
        if (positions != null && !(positions instanceof List<?> list && list.stream().allMatch(entry -> entry instanceof Map<?, ?> map
                && ENTRY_FIELDS.containsAll(map.keySet())))) {
            throw new BadRequest("positions is a list of {member, position, note, source}, with no other field");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) positions;
        whipCount.assess(id, voteKey, year(body), entries);
        return ResponseEntity.noContent().build();
    }

    /** Body {@code {"year": 2015}} for a Council vote, {@code {"members": [47 names], "year": 2014}} for the HRC. */
    @PostMapping("/api/campaigns/{id}/electorate/{voteKey}")
    ResponseEntity<Void> enter(@PathVariable String id, @PathVariable String voteKey,
                               @RequestBody(required = false) Map<String, Object> body) {
        onlyFields(body, "year", "members");
        Object members = body == null ? null : body.get("members");
        if (members != null && !(members instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
            throw new BadRequest("members is a list of member states' short names");
        }
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) members;
        whipCount.enter(id, voteKey, year(body), names);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/campaigns/{id}/forecast/{voteKey}")
    WhipCount.ForecastView forecast(@PathVariable String id, @PathVariable String voteKey,
                                    @RequestParam(required = false) Integer year) {
        return whipCount.forecast(id, voteKey, year);
    }

    @GetMapping("/api/campaigns/{id}/forecasts")
    ForecastRecord.CampaignForecasts forecasts(@PathVariable String id) {
        return record.forecasts(whipCount.campaign(id));
    }

    @GetMapping("/api/campaigns/{id}/warnings")
    List<TaskWarnings> warnings(@PathVariable String id) {
        CampaignSnapshot campaign = whipCount.campaign(id);
        List<TaskWarnings> open = new ArrayList<>();
        for (ActiveTask task : campaign.activeTasks()) {
            List<String> raised = warnings.before(campaign, task.key());
            if (!raised.isEmpty()) {
                open.add(new TaskWarnings(task.id(), task.key(), raised));
            }
        }
        return open;
    }

    @GetMapping("/api/forecasts/accuracy")
    ForecastRecord.Accuracy accuracy() {
        return record.accuracy();
    }

    private static final java.util.Set<String> ENTRY_FIELDS = java.util.Set.of("member", "position", "note", "source");

    /** A body with a field that no such request takes is refused, as everywhere in the API. */
    private static void onlyFields(Map<String, Object> body, String... fields) {
        if (body != null && !List.of(fields).containsAll(body.keySet())) {
            throw new BadRequest("this request takes only " + String.join(" and ", fields) + ", not "
                    + body.keySet().stream().filter(field -> !List.of(fields).contains(field)).toList());
        }
    }

    private static Integer year(Map<String, Object> body) {
        Object year = body == null ? null : body.get("year");
        if (year != null && !(year instanceof Integer)) {
            throw new BadRequest("year is a number, such as 2014");
        }
        return (Integer) year;
    }
}
