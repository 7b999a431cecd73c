package org.advocacy.engine.campaign;

import java.time.Instant;

/**
 * A task that is open in a campaign: who may do it, who has claimed it, since when and by when,
 * and whether its due date passed while it was open ({@code TaskOverdue}).
 */
public record ActiveTask(String id, String key, String name, String forum, String role, String assignee,
                         Instant createdAt, Instant due, boolean overdue) {

    public ActiveTask(String id, String key, String name, String forum, String role, String assignee,
                      Instant createdAt, Instant due) {
        this(id, key, name, forum, role, assignee, createdAt, due, false);
    }

    ActiveTask claimedBy(String user) {
        return new ActiveTask(id, key, name, forum, role, user, createdAt, due, overdue);
    }

    ActiveTask markedOverdue() {
        return new ActiveTask(id, key, name, forum, role, assignee, createdAt, due, true);
    }
}
