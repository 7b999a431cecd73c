package org.advocacy.engine.audit;

import java.util.List;

import org.advocacy.engine.audit.History.Entry;
import org.advocacy.engine.audit.History.Verification;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's history (paged; the total in the X-Total-Count header) and its integrity check. */
@RestController
class HistoryController {

    private static final int LARGEST_PAGE = 1000;

    private final History history;
    private final CampaignViews campaigns;

    HistoryController(History history, CampaignViews campaigns) {
        this.history = history;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/campaigns/{id}/history")
    ResponseEntity<List<Entry>> history(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "200") int size) {
        if (page < 0 || size < 1 || size > LARGEST_PAGE) {
            throw new BadRequest("page must be 0 or more and size between 1 and " + LARGEST_PAGE);
        }
        requireCampaign(id);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(history.count(id)))
                .body(history.page(id, page * size, size));
    }

    @GetMapping("/api/campaigns/{id}/verify")
    Verification verify(@PathVariable String id) {
        requireCampaign(id);
        return history.verify(id);
    }

    private void requireCampaign(String id) {
        if (campaigns.current(id).isEmpty()) {
            throw new NotFound("no campaign has the id " + id);
        }
    }
}
