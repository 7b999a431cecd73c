-- A task's reminder and its passing its due date are each recorded once (TaskDueSoon, TaskOverdue);
-- the open tasks read model keeps whether they were, so that the deadline check finds the tasks
-- still to remind or to mark by an index, and the inbox shows which are overdue.
ALTER TABLE open_task ADD COLUMN reminded BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE open_task ADD COLUMN overdue BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE open_task_rebuild ADD COLUMN reminded BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE open_task_rebuild ADD COLUMN overdue BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX open_task_deadline ON open_task (due) WHERE due IS NOT NULL AND NOT overdue;
