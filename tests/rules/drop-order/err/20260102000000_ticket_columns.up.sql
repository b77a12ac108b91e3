CREATE TABLE IF NOT EXISTS desk (id bigint PRIMARY KEY, subject text);
ALTER TABLE desk ADD COLUMN IF NOT EXISTS assignee text;
ALTER TABLE desk ADD COLUMN IF NOT EXISTS opened_at timestamptz;
ALTER TABLE desk ADD COLUMN IF NOT EXISTS closed_at timestamptz;
ALTER TABLE desk ADD COLUMN IF NOT EXISTS hours numeric
  GENERATED ALWAYS AS (extract(epoch FROM closed_at - opened_at) / 3600) STORED;
CREATE OR REPLACE VIEW unassigned_desk AS SELECT d.id, d.subject FROM desk d WHERE d.assignee IS NULL;
ALTER TABLE desk ENABLE ROW LEVEL SECURITY;
CREATE POLICY desk_mine ON desk USING (assignee = current_user);
