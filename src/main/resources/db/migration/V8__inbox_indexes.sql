-- The inbox reads two index-ordered lists and merges them (tasks/OpenTasks.list): the tasks
-- assigned to a user, and the unclaimed tasks of a role, each in the inbox's order.
CREATE INDEX open_task_assigned_order ON open_task (assignee, due, created_at, task_id) WHERE assignee IS NOT NULL;
CREATE INDEX open_task_unclaimed_order ON open_task (role, due, created_at, task_id) WHERE assignee IS NULL;
DROP INDEX open_task_assignee;
DROP INDEX open_task_role_due;
CREATE INDEX open_task_rebuild_assigned_order ON open_task_rebuild (assignee, due, created_at, task_id)
    WHERE assignee IS NOT NULL;
CREATE INDEX open_task_rebuild_unclaimed_order ON open_task_rebuild (role, due, created_at, task_id)
    WHERE assignee IS NULL;
-- the shadow table's copies of the indexes dropped above (named by LIKE ... INCLUDING ALL)
DROP INDEX IF EXISTS open_task_rebuild_role_due_created_at_idx;
DROP INDEX IF EXISTS open_task_rebuild_assignee_idx;
