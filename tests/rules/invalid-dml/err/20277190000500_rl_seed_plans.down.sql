DELETE FROM rl_plans WHERE code IN ('free', 'pro');
