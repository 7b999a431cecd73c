package org.advocacy.engine.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.advocacy.engine.platform.TextParameters;

/**
 * Which events of the history to show: all criteria given must hold.
 *
 * @param from inclusive
 * @param to   exclusive
 */
public record HistoryFilter(String type, String actor, String forum, Instant from, Instant to) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, null, null);

    public HistoryFilter {
        TextParameters.filter("type", type);
        TextParameters.filter("actor", actor);
        TextParameters.filter("forum", forum);
    }

    /** Whether the filter lets every event through. */
    boolean isEverything() {
        return type == null && actor == null && forum == null && from == null && to == null;
    }

    /** The SQL condition (on table alias h) and its arguments, appended to {@code arguments}. */
    String where(List<Object> arguments) {
        List<String> conditions = new ArrayList<>();
        add(conditions, arguments, "h.type = ?", type);
        add(conditions, arguments, "h.actor = ?", actor);
        add(conditions, arguments, "h.forum = ?", forum);
        add(conditions, arguments, "h.occurred_at >= ?", from == null ? null : java.sql.Timestamp.from(from));
        add(conditions, arguments, "h.occurred_at < ?", to == null ? null : java.sql.Timestamp.from(to));
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    private static void add(List<String> conditions, List<Object> arguments, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            arguments.add(value);
        }
    }
}
