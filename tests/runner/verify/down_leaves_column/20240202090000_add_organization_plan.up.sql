ALTER TABLE organizations ADD COLUMN IF NOT EXISTS plan text NOT NULL DEFAULT 'free';
CREATE INDEX IF NOT EXISTS organizations_plan_idx ON organizations (plan);
