-- The open tasks of every campaign, for the coordinators' inbox: a projection of the events
-- (TaskOpened adds a row; claims, assignments and releases set its assignee; completion,
-- cancellation and the campaign's close remove it), rebuilt with the others.
CREATE TABLE open_task (
    task_id     VARCHAR(64)  PRIMARY KEY,
    campaign_id VARCHAR(64)  NOT NULL,
    task_key    VARCHAR(255) NOT NULL,
    name        TEXT         NOT NULL,
    forum       VARCHAR(255),
    role        VARCHAR(64)  NOT NULL,
    assignee    TEXT,
    created_at  TIMESTAMPTZ  NOT NULL,
    due         TIMESTAMPTZ
);
CREATE INDEX open_task_campaign ON open_task (campaign_id);
CREATE INDEX open_task_role_due ON open_task (role, due NULLS LAST, created_at);
CREATE INDEX open_task_assignee ON open_task (assignee) WHERE assignee IS NOT NULL;

CREATE TABLE open_task_rebuild (LIKE open_task INCLUDING ALL);

-- Filled from the record for the campaigns that exist already.
INSERT INTO open_task (task_id, campaign_id, task_key, name, forum, role, assignee, created_at, due)
SELECT t ->> 'id', v.campaign_id, t ->> 'key', coalesce(t ->> 'name', t ->> 'key'), t ->> 'forum',
       coalesce(t ->> 'role', 'COORDINATOR'), t ->> 'assignee', (t ->> 'createdAt')::timestamptz,
       (t ->> 'due')::timestamptz
  FROM campaign_view v, json_array_elements(v.document -> 'activeTasks') t;
