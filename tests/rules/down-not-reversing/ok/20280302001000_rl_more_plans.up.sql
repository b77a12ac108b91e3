INSERT INTO rl_plans (code) VALUES ('team')
ON CONFLICT (code) WHERE deleted_at IS NULL DO NOTHING;
