CREATE TABLE IF NOT EXISTS ledger_tags (
  id integer NOT NULL,
  ledger_id bigint NOT NULL,
  tag varchar(40) NOT NULL DEFAULT 'none',
  added_at timestamp with time zone
);
ALTER TABLE ONLY ledger_tags ALTER COLUMN id SET DEFAULT nextval('ledger_tags_id_seq');
ALTER TABLE ledger ADD COLUMN IF NOT EXISTS channel text NOT NULL DEFAULT 'web';
ALTER TABLE ledger ALTER COLUMN channel DROP DEFAULT;
ALTER TABLE ledger ADD COLUMN IF NOT EXISTS tier int DEFAULT 1;
UPDATE ledger SET tier = 1 WHERE tier IS NULL;
ALTER TABLE ledger ALTER COLUMN tier SET NOT NULL;
