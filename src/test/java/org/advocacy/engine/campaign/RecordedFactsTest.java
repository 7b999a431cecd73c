package org.advocacy.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The names by which a template's expressions read what a campaign recorded earlier. */
class RecordedFactsTest {

    private static final Instant AT = Instant.parse("2014-03-28T12:00:00Z");

    @Test
    void facts_are_named_by_field_id_with_the_latest_value_and_by_task_key_dot_field_id() {
        CampaignSnapshot campaign = campaign(Map.of("reportSymbol", "A/HRC/25/63"), List.of(
                new CompletedStep("t1", "review-hrc-strategy", "hrc-resolution", Map.of("decision", "REDRAFT"), AT, 5),
                new CompletedStep("t2", "draft-hrc-resolution", "hrc-resolution",
                        Map.of("leadSponsors", List.of("Japan", "European Union")), AT, 7),
                new CompletedStep("t3", "reconsider-council-strategy", "unsc-agenda", Map.of("decision", "RETRY"), AT, 9)));

        Map<String, Object> facts = RecordedFacts.of(campaign);

        assertThat(facts).containsEntry("reportSymbol", "A/HRC/25/63")
                .containsEntry("decision", "RETRY")
                .containsEntry("review-hrc-strategy.decision", "REDRAFT")
                .containsEntry("reconsider-council-strategy.decision", "RETRY")
                .containsEntry("leadSponsorsCount", 2)
                .containsEntry("draft-hrc-resolution.leadSponsorsCount", 2)
                .doesNotContainKey("note");
    }

    private static CampaignSnapshot campaign(Map<String, Object> start, List<CompletedStep> steps) {
        return new CampaignSnapshot("c", "t", "coi-follow-up", CampaignStatus.ACTIVE, "", Map.of(), List.of(), start,
                null, List.of(), AT, AT, 9, steps, List.of(), null, Map.of(), Map.of());
    }
}
