DO $$
BEGIN
  CREATE TYPE task_state AS ENUM ('open', 'done');
EXCEPTION WHEN duplicate_object THEN NULL;
END
$$;
CREATE TABLE IF NOT EXISTS task_states (id bigint PRIMARY KEY, task_state task_state NOT NULL);
