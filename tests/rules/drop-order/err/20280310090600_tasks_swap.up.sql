CREATE TABLE IF NOT EXISTS swap_tasks (
    id bigserial PRIMARY KEY,
    payload jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE TABLE IF NOT EXISTS swap_tasks_new (LIKE swap_tasks INCLUDING ALL);
-- swap_tasks_new.id defaults to nextval('swap_tasks_id_seq'), a sequence owned by swap_tasks.id
DROP TABLE swap_tasks;
ALTER TABLE swap_tasks_new RENAME TO swap_tasks;
