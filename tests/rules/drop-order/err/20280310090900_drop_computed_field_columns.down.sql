ALTER TABLE rp_users ADD COLUMN IF NOT EXISTS display_name text;
ALTER TABLE rp_users ADD COLUMN IF NOT EXISTS settings jsonb NOT NULL DEFAULT '{}';
