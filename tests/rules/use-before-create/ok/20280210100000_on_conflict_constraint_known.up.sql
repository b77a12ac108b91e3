CREATE TABLE IF NOT EXISTS ocn_regions (
    code text PRIMARY KEY,
    name text NOT NULL
);
INSERT INTO ocn_regions (code, name) VALUES ('eu', 'Europe')
ON CONFLICT ON CONSTRAINT ocn_regions_pkey DO UPDATE SET name = EXCLUDED.name;
ALTER TABLE ocn_regions ADD COLUMN IF NOT EXISTS short text;
DO $$
BEGIN
    EXECUTE 'ALTER TABLE ocn_regions ADD CONSTRAINT ocn_regions_short_key UNIQUE (short)';
EXCEPTION WHEN duplicate_table OR duplicate_object THEN NULL;
END
$$;
INSERT INTO ocn_regions (code, name, short) VALUES ('na', 'North America', 'NA')
ON CONFLICT ON CONSTRAINT ocn_regions_short_key DO NOTHING;
