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

-- Values that a second run computes again from what the first one set.
UPDATE flags SET enabled = CASE WHEN enabled THEN false ELSE true END;
UPDATE accounts SET status = CASE status WHEN 'new' THEN 'open' WHEN 'open' THEN 'closed' ELSE status END;
UPDATE users SET settings = jsonb_set(settings, '{logins}', to_jsonb(coalesce((settings->>'logins')::int, 0) + 1));
UPDATE users SET settings = jsonb_set(settings, '{tags}', coalesce(settings->'tags', '[]') || '["beta"]');
UPDATE users SET name = format('%s (legacy)', name);
UPDATE users SET email = md5(email);
UPDATE users SET settings = settings || '[1]';
UPDATE users SET name = email, email = name;
UPDATE users SET plan = legacy_plan, legacy_plan = NULL;
UPDATE accounts a SET balance = b.balance + 1 FROM accounts b WHERE b.id = a.id;
UPDATE users SET visits = (SELECT u.visits + 1 FROM users u WHERE u.id = users.id);
UPDATE users SET visits = (SELECT max(visits) + 1 FROM users);

-- A WHERE that the new value still satisfies is no guard.
UPDATE accounts SET balance = balance * 100 WHERE balance < 1000;
UPDATE users SET visits = visits * 2 WHERE visits IS DISTINCT FROM 0;
UPDATE accounts SET balance = balance + 1, status = 'done' WHERE status <> 'archived';
INSERT INTO counters (key, n) VALUES ('logins', 1)
ON CONFLICT (key) DO UPDATE SET n = counters.n + 1 WHERE counters.n < 100;

-- USING a comparison a boolean fails, or cannot make; a computation under an idempotent function.
ALTER TABLE users ALTER COLUMN plan TYPE boolean USING plan = 'no';
ALTER TABLE users ALTER COLUMN plan TYPE boolean USING plan = 'active';
ALTER TABLE accounts ALTER COLUMN balance TYPE bigint USING round(balance * 100);

-- A test that the array holds an element still holds once more are added.
UPDATE users SET tags = array_append(tags, 'sale') WHERE 'apparel' = ANY (tags);
UPDATE users SET tags = tags || '{clearance}'::text[] WHERE tags @> '{apparel}';
UPDATE users SET tags = array_cat(tags, ARRAY['a']) WHERE tags && ARRAY['b', 'c'];
UPDATE users SET tags = array_prepend('new', tags) WHERE '{x}' <@ tags AND plan = 'pro';

-- The next UPDATE marks only some of the rows (a condition the first one lacks), marks them with
-- the value the test still passes, or tests a column the first one changed: a second run raises
-- the prices of the rows left unmarked again.
UPDATE products SET price = round(price * 1.10, 2) WHERE price_version = 1;
UPDATE products SET price_version = 2 WHERE price_version = 1 AND sku LIKE 'A%';
UPDATE products SET price = round(price * 1.20, 2) WHERE price_version = 3;
UPDATE products SET price_version = 3 WHERE price_version = 3;
UPDATE products SET price = price + 1 WHERE price_version = 4;
UPDATE products SET price_version = 5 WHERE price_version = 4 AND price < 100;
-- The marker is set in the other branch of the IF: not when the prices are raised.
DO $$
BEGIN
  IF current_setting('app.raise', true) = 'on' THEN
    UPDATE products SET price = round(price * 1.10, 2) WHERE price_version = 6;
  ELSE
    UPDATE products SET price_version = 7 WHERE price_version = 6;
  END IF;
END
$$;
-- Two times of one day make an empty daterange, and a second run makes it unbounded, (,):
-- lower() of an empty range is NULL (PostgreSQL 15).
CREATE TABLE IF NOT EXISTS booking_periods (id bigint PRIMARY KEY, stay tstzrange, nights daterange);
ALTER TABLE booking_periods
  ALTER COLUMN stay TYPE daterange USING daterange(lower(stay)::date, upper(stay)::date, '[)');
-- A daterange is stored as [a,b): '[]' adds a day on every run.
ALTER TABLE booking_periods
  ALTER COLUMN nights TYPE daterange USING daterange(lower(nights), upper(nights), '[]');
