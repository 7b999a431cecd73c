package org.advocacy.engine.chaos;

import java.util.List;
import java.util.Map;

/**
 * The path each chaos campaign takes, from launch to the manager's review: the HRC adopts, the
 * Third Committee rejects, the Council request is withdrawn and the track closed; nine steps.
 */
final class Steps {

    record Step(String task, Map<String, Object> fields, String user) {
    }

    static final Map<String, Object> DRAFT_HRC = Map.of("leadSponsors", List.of("Japan", "European Union"),
            "endorsesFindings", true, "requestsTransmissionToGeneralAssembly", true, "createsFieldStructure", true);

    static final Map<String, Object> HRC_ADOPTED = Map.of("date", "2014-03-28", "symbol", "A/HRC/RES/25/25",
            "inFavour", 30, "against", 6, "abstaining", 11);

    static final List<Step> TO_THE_END = List.of(
            new Step("draft-hrc-resolution", DRAFT_HRC, "coordinator"),
            new Step("record-hrc-vote", HRC_ADOPTED, "coordinator"),
            new Step("draft-unga-resolution", Map.of("coSponsors", List.of("European Union"),
                    "endorsesFindings", true, "encouragesIccReferral", true), "coordinator"),
            new Step("organize-side-event", Map.of("held", false), "coordinator"),
            new Step("record-third-committee-vote", Map.of("date", "2014-11-18",
                    "inFavour", 50, "against", 100, "abstaining", 43), "coordinator"),
            new Step("convene-arria-meeting", Map.of("held", false), "coordinator"),
            new Step("file-agenda-request", Map.of("date", "2014-12-05", "signatories", List.of("France"),
                    "withdrawn", true), "coordinator"),
            new Step("reconsider-council-strategy", Map.of("decision", "CLOSE_TRACK"), "coordinator"),
            new Step("review-campaign", Map.of("summary", "Driven through faults by the chaos run"), "manager"));

    private Steps() {
    }
}
