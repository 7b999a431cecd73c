package org.advocacy.engine.audit;

import java.util.List;

import org.advocacy.engine.audit.History.Entry;
import org.advocacy.engine.audit.Integrity.Verification;
import org.advocacy.engine.campaign.view.CampaignViews;
import org.advocacy.engine.platform.BadRequest;
import org.advocacy.engine.platform.Instants;
import org.advocacy.engine.platform.NotFound;
import org.advocacy.engine.platform.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;


/**
 * A campaign's history (paged and filtered; the total in the X-Total-Count header), its export,
 * the activity feed across campaigns, and the integrity check.
 */
@RestController
class HistoryController {

    private static final int LARGEST_PAGE = 1000;

    private final History history;
    private final CampaignViews campaigns;
    private final HistoryDownloads downloads;
    private final Integrity integrity;

    HistoryController(History history, CampaignViews campaigns, HistoryDownloads downloads, Integrity integrity) {
        this.history = history;
        this.campaigns = campaigns;
        this.downloads = downloads;
        this.integrity = integrity;
    }

    @GetMapping("/api/campaigns/{id}/history")
    ResponseEntity<List<Entry>> history(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "200") int size,
                                        @RequestParam(required = false) String type,
                                        @RequestParam(required = false) String actor,
                                        @RequestParam(required = false) String forum,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to) {
        int offset = Paging.offset(page, size, LARGEST_PAGE);
        requireCampaign(id);
        HistoryFilter filter = new HistoryFilter(type, actor, forum, Instants.parameter("from", from), Instants.parameter("to", to));
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(history.count(id, filter)))
                .body(history.page(id, filter, offset, size));
    }

    /** The whole history of a campaign as a file: {@code format=csv} or {@code format=jsonl}. */
    @GetMapping("/api/campaigns/{id}/history/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String id,
                                                 @RequestParam(defaultValue = "csv") String format) {
        requireCampaign(id);
        return downloads.download(id, format);
    }

    /** What happened across all campaigns, newest first. */
    @GetMapping("/api/history")
    List<Entry> feed(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                     @RequestParam(required = false) String type, @RequestParam(required = false) String actor,
                     @RequestParam(required = false) String forum, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to) {
        int offset = Paging.offset(page, size, LARGEST_PAGE);
        return history.feed(new HistoryFilter(type, actor, forum, Instants.parameter("from", from), Instants.parameter("to", to)),
                offset, size);
    }

    @GetMapping("/api/campaigns/{id}/verify")
    Verification verify(@PathVariable String id) {
        requireCampaign(id);
        return integrity.verify(id);
    }

    /** The chain checked against a checkpoint that the caller kept (the file of GET /api/checkpoints/{id}/file). */
    @PostMapping("/api/campaigns/{id}/verify")
    Verification verifyAgainst(@PathVariable String id, @RequestBody SignedCheckpoint checkpoint) {
        requireCampaign(id);
        if (checkpoint.statement() == null || checkpoint.signature() == null) {
            throw new BadRequest("the checkpoint's statement and signature are required");
        }
        return integrity.verify(id, checkpoint);
    }

    private void requireCampaign(String id) {
        if (campaigns.current(id).isEmpty()) {
            throw new NotFound("no campaign has the id " + id);
        }
    }

}
