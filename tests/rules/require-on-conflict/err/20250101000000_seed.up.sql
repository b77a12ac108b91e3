-- Each adds its rows again (or fails on a unique key) when the migration runs a second time.
INSERT INTO roles (name) VALUES ('owner'), ('admin'), ('member');
INSERT INTO configs (key, value) SELECT 'theme', 'dark';
INSERT INTO configs SELECT key, value FROM legacy_configs;
INSERT INTO settings DEFAULT VALUES;
WITH defaults AS (SELECT 'locale' AS key, 'en' AS value)
INSERT INTO configs (key, value) SELECT key, value FROM defaults;
-- A NOT EXISTS over another table keeps nothing out of this one.
INSERT INTO configs (key, value)
SELECT key, value FROM legacy_configs l
WHERE NOT EXISTS (SELECT 1 FROM legacy_deleted d WHERE d.key = l.key);
-- DELETE of another table clears nothing here.
DELETE FROM legacy_configs WHERE key = 'theme';
INSERT INTO configs (key, value) VALUES ('theme', 'light') RETURNING key;
COPY configs (key, value) FROM '/srv/seed/configs.csv' WITH (FORMAT csv);

-- In a DO block: unguarded, or guarded by a test of another table.
DO $$
BEGIN
  INSERT INTO audit_log (event) VALUES ('migrated');
  IF NOT EXISTS (SELECT 1 FROM users WHERE email = 'admin@example.com') THEN
    INSERT INTO roles (name) VALUES ('superadmin');
  END IF;
END $$;
-- The DELETE before it removes 'theme' only: 'locale' is added again on every run.
DELETE FROM settings WHERE key = 'theme';
INSERT INTO settings (key, value) VALUES ('theme', 'dark'), ('locale', 'en');
-- WHERE false deletes nothing.
DELETE FROM flags WHERE false;
INSERT INTO flags (name, enabled) VALUES ('beta', true);
-- The NOT EXISTS tests another value than the row written (a typo), or another column's.
INSERT INTO prefs (key, value) SELECT 'theme', 'dark'
WHERE NOT EXISTS (SELECT 1 FROM prefs WHERE key = 'them');
INSERT INTO prefs (key, value) SELECT 'theme', 'dark'
WHERE NOT EXISTS (SELECT 1 FROM prefs WHERE value = 'light');
-- A DO block's IF NOT EXISTS that tests another row than the one it writes.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM prefs WHERE key = 'locale') THEN
    INSERT INTO prefs (key, value) VALUES ('language', 'en');
  END IF;
END $$;
-- The branch's test looks for another row than its first INSERT writes: the second run runs it
-- all again.
DO $$
DECLARE e bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM journal_entries WHERE memo = 'opening balance') THEN
    INSERT INTO journal_entries (memo) VALUES ('closing balance') RETURNING id INTO e;
    INSERT INTO postings (entry_id, account_id, amount) SELECT e, id, 100 FROM accounts;
  END IF;
END $$;
-- An expression index: ON CONFLICT must name the expression, and a partial index's WHERE too,
-- or PostgreSQL finds no index to use and refuses the INSERT.
CREATE TABLE IF NOT EXISTS members (id bigint PRIMARY KEY, email text NOT NULL, deleted_at timestamptz);
CREATE UNIQUE INDEX IF NOT EXISTS members_email_live ON members (lower(email)) WHERE deleted_at IS NULL;
INSERT INTO members (id, email) VALUES (1, 'ann@example.com') ON CONFLICT (lower(email)) DO NOTHING;
INSERT INTO members (id, email) VALUES (2, 'bob@example.com') ON CONFLICT (email) DO NOTHING;
-- A DELETE ... RETURNING that the rows do not all come from: the LEFT JOIN keeps every row of
-- events; an UPDATE ... RETURNING finds its rows again on the second run.
WITH moved AS (DELETE FROM events WHERE kind = 'old' RETURNING id)
INSERT INTO events_archive (id) SELECT e.id FROM events e LEFT JOIN moved m ON m.id = e.id;
WITH touched AS (UPDATE events SET kind = 'seen' WHERE kind = 'new' RETURNING id)
INSERT INTO events_archive (id) SELECT id FROM touched;
-- Not a move: the DELETE keeps some of the rows the INSERT copied (a narrower or another WHERE,
-- ONLY the parent table, a volatile WHERE), the file writes the source again after the DELETE
-- (a second run copies those rows again), or an aggregate answers one row even when nothing is
-- left (count(*) is 0).
INSERT INTO mail_archive SELECT id, at FROM mail_inbox WHERE folder = 'spam';
DELETE FROM mail_inbox WHERE folder = 'spam' AND at < '2026-01-01';
INSERT INTO mail_archive SELECT id, at FROM mail_inbox WHERE at < '2025-01-01';
DELETE FROM mail_inbox WHERE at > '2025-01-01';
INSERT INTO mail_archive SELECT id, at FROM mail_inbox WHERE folder = 'old';
DELETE FROM ONLY mail_inbox WHERE folder = 'old';
INSERT INTO mail_archive SELECT id, at FROM mail_inbox WHERE random() < 0.5;
DELETE FROM mail_inbox WHERE random() < 0.5;
INSERT INTO mail_archive SELECT id, at FROM mail_outbox WHERE folder = 'sent';
DELETE FROM mail_outbox WHERE folder = 'sent';
INSERT INTO mail_outbox (id, at, folder) SELECT id, at, 'sent' FROM mail_archive WHERE at > '2027-01-01';
INSERT INTO mail_counts (folder, n) SELECT 'junk', count(*) FROM mail_inbox WHERE folder = 'junk';
DELETE FROM mail_inbox WHERE folder = 'junk';
