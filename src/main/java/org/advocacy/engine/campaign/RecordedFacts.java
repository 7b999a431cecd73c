package org.advocacy.engine.campaign;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a campaign has recorded so far, by the names a template's expressions use: each field by
 * its id (the latest value when several steps recorded a field of that id), by
 * {@code task-key.field-id} (where two tasks share a field id), a list's size as
 * {@code <id>Count}, and the campaign's start fields by their ids.
 */
public final class RecordedFacts {

    private RecordedFacts() {
    }

    public static Map<String, Object> of(CampaignSnapshot campaign) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (campaign.fields() != null) {
            campaign.fields().forEach((id, value) -> put(facts, id, value));
        }
        for (CompletedStep step : campaign.steps()) {
            if (step.fields() == null) {
                continue;
            }
            step.fields().forEach((id, value) -> {
                put(facts, id, value);
                put(facts, step.key() + "." + id, value);
            });
        }
        return Collections.unmodifiableMap(facts);
    }

    private static void put(Map<String, Object> facts, String name, Object value) {
        facts.put(name, value);
        if (value instanceof Collection<?> list) {
            facts.put(name + "Count", list.size());
        }
    }
}
