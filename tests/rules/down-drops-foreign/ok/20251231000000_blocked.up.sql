ALTER TYPE task_state ADD VALUE IF NOT EXISTS 'blocked' AFTER 'done';
