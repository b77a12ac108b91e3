MERGE INTO rl_plans p
USING (VALUES ('pro', 2900)) AS v (code, price_cents) ON p.code = v.code
WHEN MATCHED THEN UPDATE SET price_cents = v.price_cents;
WITH raised AS (UPDATE rl_plans SET price_cents = price_cents + 100 WHERE code = 'team')
SELECT 1;
UPDATE rl_sessions SET expires_at = now() + interval '1 day' RETURNING id;
