package org.advocacy.engine.campaign;

/** A member's assessed position in one vote, as the campaign last recorded it. */
public record AssessedPosition(String position, String note, String source) {
}
