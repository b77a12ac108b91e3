SET lock_timeout = '5s';
ALTER TABLE projects DROP COLUMN IF EXISTS budget_cents;
ALTER TABLE projects DROP COLUMN IF EXISTS public_id;
