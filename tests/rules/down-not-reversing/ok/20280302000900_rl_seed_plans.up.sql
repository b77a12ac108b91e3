INSERT INTO rl_plans (code) VALUES ('free'), ('pro')
ON CONFLICT (code) WHERE deleted_at IS NULL DO NOTHING;
INSERT INTO rl_regions (code) VALUES ('eu') ON CONFLICT (code) DO NOTHING;
