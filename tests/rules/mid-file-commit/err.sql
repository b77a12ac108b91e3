BEGIN;
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY);
COMMIT;
CREATE INDEX IF NOT EXISTS invoices_id_idx ON invoices (id);
-- Without a BEGIN of its own the file runs in the runner's transaction: COMMIT ends it.
ALTER TABLE invoices ADD COLUMN IF NOT EXISTS total numeric;
ROLLBACK;
INSERT INTO invoices (id) VALUES (1) ON CONFLICT DO NOTHING;
