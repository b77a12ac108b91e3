-- Columns added to a busy table the slow way: a volatile default (gen_random_uuid()) makes
-- PostgreSQL rewrite every row under an ACCESS EXCLUSIVE lock, and NOT NULL without a default
-- fails as soon as projects has a row. No lock_timeout either: the ALTER queues behind any long
-- query on projects, and every other query on it queues behind the ALTER.
ALTER TABLE projects ADD COLUMN IF NOT EXISTS public_id uuid DEFAULT gen_random_uuid();
ALTER TABLE projects ADD COLUMN IF NOT EXISTS budget_cents bigint NOT NULL;
