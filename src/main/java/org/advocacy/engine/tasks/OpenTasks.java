package org.advocacy.engine.tasks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.engine.campaign.CampaignEvent;
import org.advocacy.engine.campaign.CampaignEvent.CampaignClosed;
import org.advocacy.engine.campaign.CampaignEvent.StepCompleted;
import org.advocacy.engine.campaign.CampaignEvent.TaskAssigned;
import org.advocacy.engine.campaign.CampaignEvent.TaskCancelled;
import org.advocacy.engine.campaign.CampaignEvent.TaskDueSoon;
import org.advocacy.engine.campaign.CampaignEvent.TaskOverdue;
import org.advocacy.engine.campaign.CampaignEvent.TaskClaimed;
import org.advocacy.engine.campaign.CampaignEvent.TaskOpened;
import org.advocacy.engine.campaign.CampaignEvent.TaskReleased;
import org.advocacy.engine.platform.TextParameters;
import org.advocacy.engine.replay.JdbcProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps {@code open_task}, the open tasks of every campaign, and answers the inbox from it: one
 * indexed table rather than every campaign's document, so the inbox stays fast with many campaigns.
 */
@Component
@ProcessingGroup(OpenTasks.GROUP)
public class OpenTasks extends JdbcProjection {

    public static final String GROUP = "open-tasks";

    /** One open task as the inbox lists it. */
    /** @param campaignStatus ACTIVE, or SUSPENDED while a manager has suspended the campaign (its tasks wait) */
    public record InboxTask(String id, String key, String name, String forum, String role, String assignee,
                            Instant createdAt, Instant due, String campaignId, String campaignTitle, String campaignStatus) {
    }

    /**
     * Which open tasks to list.
     *
     * @param user     whose inbox: the tasks assigned to them and the unclaimed tasks of their roles
     * @param everyone all open tasks of every role (a manager's view, to assign them)
     * @param offset   how many of the matching tasks to skip, in the list's order
     */
    public record Query(String user, Collection<String> roles, boolean everyone, String campaignId, String forum,
                        String taskKey, int offset, int limit) {
        public Query {
            TextParameters.filter("campaign", campaignId);
            TextParameters.filter("forum", forum);
            TextParameters.filter("taskKey", taskKey);
        }
    }

    OpenTasks(JdbcTemplate jdbc, ObjectMapper json) {
        super(jdbc, json, "open_task");
    }

    private static final String ORDER = " ORDER BY t.due ASC NULLS LAST, t.created_at, t.task_id";
    private static final String COLUMNS = "t.task_id, t.task_key, t.name, t.forum, t.role, t.assignee, t.created_at,"
            + " t.due, t.campaign_id";

    /**
     * Earliest due first, tasks without a due date last, then oldest first. A user's inbox is the
     * union of two index-ordered reads (the tasks assigned to the user, the unclaimed tasks of the
     * user's roles), each stopped at the page's end, instead of one scan of every open task.
     */
    public List<InboxTask> list(Query query) {
        List<Object> arguments = new ArrayList<>();
        int upTo = query.offset() + query.limit();
        String tasks;
        if (query.everyone()) {
            tasks = "SELECT " + COLUMNS + " FROM open_task t WHERE " + filters(query, arguments);
        } else {
            tasks = "(SELECT " + COLUMNS + " FROM open_task t WHERE t.assignee = ? AND " + filters(query,
                    addAll(arguments, query.user())) + ORDER + " LIMIT ?)"
                    + " UNION ALL (SELECT " + COLUMNS + " FROM open_task t WHERE t.assignee IS NULL AND t.role = ANY (?)"
                    + " AND " + filters(query, addAll(arguments, upTo, (Object) query.roles().toArray(String[]::new)))
                    + ORDER + " LIMIT ?)";
            arguments.add(upTo);
        }
        arguments.add(query.limit());
        arguments.add(query.offset());
        return jdbc.query("SELECT " + COLUMNS + ", c.title, c.status FROM (" + tasks + ") t"
                + " LEFT JOIN campaign_view c ON c.campaign_id = t.campaign_id" + ORDER + " LIMIT ? OFFSET ?",
                (row, index) -> new InboxTask(row.getString(1), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), row.getTimestamp(7).toInstant(),
                row.getTimestamp(8) == null ? null : row.getTimestamp(8).toInstant(), row.getString(9),
                row.getString(10), row.getString(11)), arguments.toArray());
    }

    /** How many tasks the query matches, beyond its limit. */
    public long count(Query query) {
        List<Object> arguments = new ArrayList<>();
        String sql;
        if (query.everyone()) {
            sql = "SELECT count(*) FROM open_task t WHERE " + filters(query, arguments);
        } else {
            sql = "SELECT (SELECT count(*) FROM open_task t WHERE t.assignee = ? AND "
                    + filters(query, addAll(arguments, query.user()))
                    + ") + (SELECT count(*) FROM open_task t WHERE t.assignee IS NULL AND t.role = ANY (?) AND "
                    + filters(query, addAll(arguments, (Object) query.roles().toArray(String[]::new))) + ")";
        }
        Long count = jdbc.queryForObject(sql, Long.class, arguments.toArray());
        return count == null ? 0 : count;
    }

    private static List<Object> addAll(List<Object> arguments, Object... more) {
        arguments.addAll(List.of(more));
        return arguments;
    }

    /** The campaign, forum and task key filters; TRUE when none is set. */
    private static String filters(Query query, List<Object> arguments) {
        List<String> conditions = new ArrayList<>();
        condition(conditions, arguments, "t.campaign_id = ?", query.campaignId());
        condition(conditions, arguments, "t.forum = ?", query.forum());
        condition(conditions, arguments, "t.task_key = ?", query.taskKey());
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    /** The values that the inbox's filters offer: the campaigns, forums and task keys of the user's tasks. */
    public Map<String, List<String>> filterValues(Query query) {
        List<Object> arguments = new ArrayList<>();
        String where = where(query, arguments, false);
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("forum", jdbc.queryForList("SELECT DISTINCT t.forum FROM open_task t WHERE " + where
                + " AND t.forum IS NOT NULL ORDER BY 1", String.class, arguments.toArray()));
        values.put("taskKey", jdbc.queryForList("SELECT DISTINCT t.task_key FROM open_task t WHERE " + where
                + " ORDER BY 1", String.class, arguments.toArray()));
        return values;
    }

    /** The campaigns that have tasks in the user's view, id to title. */
    public Map<String, String> campaigns(Query query) {
        List<Object> arguments = new ArrayList<>();
        String where = where(query, arguments, false);
        Map<String, String> campaigns = new LinkedHashMap<>();
        jdbc.query("SELECT DISTINCT t.campaign_id, coalesce(c.title, t.campaign_id) FROM open_task t "
                + "LEFT JOIN campaign_view c ON c.campaign_id = t.campaign_id WHERE " + where + " ORDER BY 2",
                (org.springframework.jdbc.core.RowCallbackHandler) row -> campaigns.put(row.getString(1), row.getString(2)),
                arguments.toArray());
        return campaigns;
    }

    private static String where(Query query, List<Object> arguments, boolean filtered) {
        List<String> conditions = new ArrayList<>();
        if (!query.everyone()) {
            conditions.add("(t.assignee = ? OR (t.assignee IS NULL AND t.role = ANY (?)))");
            arguments.add(query.user());
            arguments.add(query.roles().toArray(String[]::new));
        }
        if (filtered) {
            condition(conditions, arguments, "t.campaign_id = ?", query.campaignId());
            condition(conditions, arguments, "t.forum = ?", query.forum());
            condition(conditions, arguments, "t.task_key = ?", query.taskKey());
        }
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    private static void condition(List<String> conditions, List<Object> arguments, String condition, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(condition);
            arguments.add(value);
        }
    }

    @Override
    public Batch batch(String table) {
        return new OpenTaskBatch(table);
    }

    /**
     * Nets the batch's events per task in memory (a task opened and completed within one batch
     * writes nothing), then writes the survivors, the assignee changes and the removals.
     */
    private final class OpenTaskBatch implements Batch {
        private final String table;
        private final Map<String, Object[]> opened = new LinkedHashMap<>();
        private final Map<String, String> assigneeChanges = new LinkedHashMap<>();
        private final List<String> removedTasks = new ArrayList<>();
        private final List<String> closedCampaigns = new ArrayList<>();
        private final List<Object[]> reminded = new ArrayList<>();
        private final List<Object[]> overdue = new ArrayList<>();

        OpenTaskBatch(String table) {
            this.table = table;
        }

        @Override
        public void apply(DomainEventMessage<?> message) {
            CampaignEvent event = (CampaignEvent) message.getPayload();
            if (event instanceof TaskOpened task) {
                opened.put(task.taskId(), new Object[] {task.taskId(), task.campaignId(), task.taskKey(),
                        task.name() == null ? task.taskKey() : task.name(), task.forum(),
                        task.role() == null ? "COORDINATOR" : task.role(), null, Timestamp.from(message.getTimestamp()),
                        task.due() == null ? null : Timestamp.from(task.due())});
            } else if (event instanceof TaskClaimed claimed) {
                assign(claimed.taskId(), claimed.assignee());
            } else if (event instanceof TaskAssigned assigned) {
                assign(assigned.taskId(), assigned.assignee());
            } else if (event instanceof TaskReleased released) {
                assign(released.taskId(), null);
            } else if (event instanceof StepCompleted completed) {
                remove(completed.taskId());
            } else if (event instanceof TaskCancelled cancelled) {
                remove(cancelled.taskId());
            } else if (event instanceof TaskDueSoon dueSoon) {
                reminded.add(new Object[] {dueSoon.taskId()});
            } else if (event instanceof TaskOverdue late) {
                overdue.add(new Object[] {late.taskId()});
            } else if (event instanceof CampaignClosed closed) {
                opened.values().removeIf(row -> closed.campaignId().equals(row[1]));
                closedCampaigns.add(closed.campaignId());
            }
        }

        private void assign(String taskId, String assignee) {
            Object[] row = opened.get(taskId);
            if (row != null) {
                row[6] = assignee;
            } else {
                assigneeChanges.put(taskId, assignee);
            }
        }

        private void remove(String taskId) {
            if (opened.remove(taskId) == null) {
                assigneeChanges.remove(taskId);
                removedTasks.add(taskId);
            }
        }

        @Override
        public void flush() {
            if (!opened.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO " + table + """
                         (task_id, campaign_id, task_key, name, forum, role, assignee, created_at, due)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (task_id) DO NOTHING
                        """, List.copyOf(opened.values()));
            }
            if (!reminded.isEmpty()) {
                jdbc.batchUpdate("UPDATE " + table + " SET reminded = TRUE WHERE task_id = ?", List.copyOf(reminded));
            }
            if (!overdue.isEmpty()) {
                jdbc.batchUpdate("UPDATE " + table + " SET overdue = TRUE WHERE task_id = ?", List.copyOf(overdue));
            }
            if (!assigneeChanges.isEmpty()) {
                jdbc.batchUpdate("UPDATE " + table + " SET assignee = ? WHERE task_id = ?", assigneeChanges.entrySet()
                        .stream().map(change -> new Object[] {change.getValue(), change.getKey()}).toList());
            }
            if (!removedTasks.isEmpty()) {
                jdbc.batchUpdate("DELETE FROM " + table + " WHERE task_id = ?",
                        removedTasks.stream().map(id -> new Object[] {id}).toList());
            }
            if (!closedCampaigns.isEmpty()) {
                jdbc.batchUpdate("DELETE FROM " + table + " WHERE campaign_id = ?",
                        closedCampaigns.stream().map(id -> new Object[] {id}).toList());
            }
            opened.clear();
            assigneeChanges.clear();
            removedTasks.clear();
            closedCampaigns.clear();
            reminded.clear();
            overdue.clear();
        }
    }
}
