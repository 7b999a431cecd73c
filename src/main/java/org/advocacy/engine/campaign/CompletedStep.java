package org.advocacy.engine.campaign;

import java.time.Instant;
import java.util.Map;

/** A task that was completed, with the facts that it recorded; {@code sequence} is its event's place. */
public record CompletedStep(String taskId, String key, String forum, Map<String, Object> fields, Instant completedAt,
                            long sequence) {
}
