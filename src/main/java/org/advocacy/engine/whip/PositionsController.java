package org.advocacy.engine.whip;

import java.util.List;
import java.util.Map;

import org.advocacy.engine.platform.BadRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Members' positions in a campaign's vote, and that vote's forecast. */
@RestController
class PositionsController {

    private final WhipCount whipCount;

    PositionsController(WhipCount whipCount) {
        this.whipCount = whipCount;
    }

    /** Body {@code {"year": 2014, "positions": [{"member", "position", "note", "source"}]}}; year for Council votes. */
    @PostMapping("/api/campaigns/{id}/positions/{voteKey}")
    ResponseEntity<Void> assess(@PathVariable String id, @PathVariable String voteKey,
                                @RequestBody(required = false) Map<String, Object> body) {
        Object year = body == null ? null : body.get("year");
        Object positions = body == null ? null : body.get("positions");
        if (year != null && !(year instanceof Integer)) {
            throw new BadRequest("year is a number, such as 2014");
        }
        if (positions != null && !(positions instanceof List<?> list && list.stream().allMatch(Map.class::isInstance))) {
            throw new BadRequest("positions is a list of {member, position, note, source}");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) positions;
        whipCount.assess(id, voteKey, (Integer) year, entries);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/campaigns/{id}/forecast/{voteKey}")
    WhipCount.ForecastView forecast(@PathVariable String id, @PathVariable String voteKey,
                                    @RequestParam(required = false) Integer year) {
        return whipCount.forecast(id, voteKey, year);
    }
}
