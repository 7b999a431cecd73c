-- Finding whether a task id was ever opened, from the record rather than from Camunda's history,
-- which is cleaned up after its time to live.
CREATE INDEX history_entry_opened_task ON history_entry ((payload ->> 'taskId')) WHERE type = 'TaskOpened';
