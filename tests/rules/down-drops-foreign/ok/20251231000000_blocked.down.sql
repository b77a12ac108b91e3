-- The enum made again without the value, its column moved over, the old one dropped: the
-- column no longer depends on task_state_old.
ALTER TYPE task_state RENAME TO task_state_old;
CREATE TYPE task_state AS ENUM ('open', 'done');
ALTER TABLE task_states ALTER COLUMN task_state TYPE task_state USING task_state::text::task_state;
DROP TYPE task_state_old;
