-- A down that forgets part of the up: it drops the table (and with it the index), but the
-- milestone_state type stays, and the next up of this migration trips over it.
SET lock_timeout = '5s';
DO $$
BEGIN
    CREATE TYPE milestone_state AS ENUM ('open', 'reached', 'missed');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

CREATE TABLE IF NOT EXISTS project_milestones (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES projects (id),
    state       milestone_state NOT NULL DEFAULT 'open',
    due_on      date NOT NULL
);

CREATE INDEX IF NOT EXISTS project_milestones_due_on_idx ON project_milestones (due_on);
