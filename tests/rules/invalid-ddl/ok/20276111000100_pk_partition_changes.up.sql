-- sqlgate:no-transaction
ALTER TABLE pk_events ADD COLUMN source text;
ALTER TABLE pk_events RENAME COLUMN note TO remark;
ALTER TABLE pk_events_2026 DETACH PARTITION pk_events_2026_h1 CONCURRENTLY;
ALTER TABLE pk_events_2026_h1 ADD COLUMN archived boolean;
ALTER TABLE pk_events_2026_h1 DROP COLUMN remark;
ALTER TABLE pk_events_2025 DROP COLUMN IF EXISTS never_there;
ALTER TABLE pk_events_2025 ALTER COLUMN remark SET NOT NULL;
ALTER TABLE pk_events_2025 ALTER COLUMN remark DROP NOT NULL;
ALTER TABLE pk_events_2025 ADD CONSTRAINT pk_events_2025_remark_check CHECK (remark <> '');
ALTER TABLE pk_events_2025 DROP CONSTRAINT pk_events_2025_remark_check;
ALTER TABLE pk_events_2025 ALTER COLUMN remark SET DEFAULT '';
ALTER TABLE pk_child ADD COLUMN more text;
DO $$
BEGIN
  ALTER TABLE pk_events_2025 RENAME COLUMN remark TO note;
EXCEPTION WHEN invalid_table_definition THEN
  NULL;
END
$$;
