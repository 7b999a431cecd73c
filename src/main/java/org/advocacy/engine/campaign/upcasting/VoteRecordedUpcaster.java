package org.advocacy.engine.campaign.upcasting;

import org.advocacy.engine.campaign.CampaignEvent.VoteRecorded;
import org.advocacy.engine.votes.DocumentSymbols;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads VoteRecorded events of revision 1 (stored without a revision) as revision 2: they gain
 * {@code symbol}, the vote's document symbol normalised, exactly as new events are written.
 */
@Component
public class VoteRecordedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = VoteRecorded.class.getName();
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        String revision = event.getType().getRevision();
        return TYPE.equals(event.getType().getName()) && (revision == null || "1".equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            JsonNode symbol = payload.path("vote").path("symbol");
            upcast.put("symbol", DocumentSymbols.normalise(symbol.isTextual() ? symbol.asText() : null));
            return upcast;
        });
    }
}
