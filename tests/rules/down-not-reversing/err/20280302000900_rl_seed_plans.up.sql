INSERT INTO rl_plans (code) VALUES ('free'), ('pro')
ON CONFLICT (code) WHERE deleted_at IS NULL DO NOTHING;
