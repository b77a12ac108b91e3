-- Month 13: a mistyped timestamp (meant 20251211...), so the migration sorts after everything
-- written until 2026 and runs out of turn.
SET lock_timeout = '5s';
ALTER TABLE projects ADD COLUMN IF NOT EXISTS remind_at timestamptz;
