ALTER TABLE ledger ADD COLUMN IF NOT EXISTS channel text NOT NULL;
ALTER TABLE ledger ADD COLUMN IF NOT EXISTS tier int NOT NULL DEFAULT 1;
CREATE TABLE IF NOT EXISTS ledger_tags (
  id integer NOT NULL,
  ledger_id bigint NOT NULL,
  tag varchar(40) NOT NULL DEFAULT 'none',
  added_at timestamptz
);
CREATE SEQUENCE IF NOT EXISTS ledger_tags_id_seq;
ALTER TABLE ledger_tags ALTER COLUMN id SET DEFAULT nextval('ledger_tags_id_seq');
