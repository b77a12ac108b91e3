SET LOCAL lock_timeout = '5s';
DELETE FROM rl_plans WHERE code IN ('free', 'pro');
