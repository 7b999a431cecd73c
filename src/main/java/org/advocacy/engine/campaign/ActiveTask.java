package org.advocacy.engine.campaign;

import java.time.Instant;

/** A task that is open in a campaign: who may do it, who has claimed it, since when and by when. */
public record ActiveTask(String id, String key, String name, String forum, String role, String assignee,
                         Instant createdAt, Instant due) {

    ActiveTask claimedBy(String user) {
        return new ActiveTask(id, key, name, forum, role, user, createdAt, due);
    }
}
