CREATE TABLE IF NOT EXISTS help_desk (id bigint PRIMARY KEY, subject text);
ALTER TABLE help_desk ADD COLUMN IF NOT EXISTS assignee text;
ALTER TABLE help_desk ADD COLUMN IF NOT EXISTS opened_at timestamptz;
ALTER TABLE help_desk ADD COLUMN IF NOT EXISTS closed_at timestamptz;
ALTER TABLE help_desk ADD COLUMN IF NOT EXISTS hours numeric
  GENERATED ALWAYS AS (extract(epoch FROM closed_at - opened_at) / 3600) STORED;
CREATE OR REPLACE VIEW unassigned_help AS SELECT id, subject FROM help_desk WHERE assignee IS NULL;
ALTER TABLE help_desk ENABLE ROW LEVEL SECURITY;
CREATE POLICY help_mine ON help_desk USING (assignee = current_user);
