INSERT INTO rl_plans (code, price_cents) VALUES ('free', 0), ('pro', 1900)
ON CONFLICT (code) DO NOTHING;
