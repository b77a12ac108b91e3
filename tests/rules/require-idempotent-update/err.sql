-- Each changes the data again when the migration runs a second time.
UPDATE accounts SET balance = balance + 100;
UPDATE accounts SET balance = balance * 100 WHERE currency = 'EUR';
UPDATE users SET tags = tags || 'beta';
UPDATE users SET tags = array_append(tags, 'beta') WHERE plan = 'pro';
UPDATE users AS u SET name = concat(u.name, ' (legacy)'), visits = coalesce(visits, 0) + 1;
UPDATE flags SET enabled = NOT enabled;
UPDATE ledger SET amount = -amount WHERE kind = 'refund';
UPDATE events SET happened_at = happened_at + interval '1 hour';
UPDATE users SET (visits, name) = (visits + 1, 'x');
UPDATE users SET settings = settings || '["extra"]'::jsonb;
INSERT INTO counters (key, n) VALUES ('logins', 1)
ON CONFLICT (key) DO UPDATE SET n = counters.n + EXCLUDED.n;
ALTER TABLE accounts ALTER COLUMN balance TYPE bigint USING balance * 100;
ALTER TABLE events ALTER COLUMN happened_at TYPE timestamptz USING happened_at AT TIME ZONE 'UTC';
ALTER TABLE users ALTER COLUMN tags TYPE text[] USING string_to_array(tags, ',');
ALTER TABLE users ALTER COLUMN active TYPE boolean USING (active = 'yes');

-- In a DO block, unguarded, or in a loop whose query the update does not change.
DO $$
DECLARE
  a record;
BEGIN
  UPDATE accounts SET balance = balance - fee;
  FOR a IN SELECT id FROM accounts WHERE currency = 'EUR' LOOP
    UPDATE accounts SET balance = balance + 1 WHERE id = a.id;
  END LOOP;
END $$;
