CREATE TABLE IF NOT EXISTS swap_tasks (
    id bigserial PRIMARY KEY,
    payload jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE TABLE IF NOT EXISTS swap_tasks_new (LIKE swap_tasks INCLUDING ALL);
-- The sequence now goes with swap_tasks_new: DROP TABLE swap_tasks leaves it
ALTER SEQUENCE swap_tasks_id_seq OWNED BY swap_tasks_new.id;
DROP TABLE swap_tasks;
ALTER TABLE swap_tasks_new RENAME TO swap_tasks;
