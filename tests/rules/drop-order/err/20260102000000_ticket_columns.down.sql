-- Each column goes before what reads it: the view, the policy, the generated column.
ALTER TABLE desk DROP COLUMN IF EXISTS assignee;
ALTER TABLE desk DROP COLUMN IF EXISTS opened_at;
DROP VIEW IF EXISTS unassigned_desk;
DROP POLICY IF EXISTS desk_mine ON desk;
ALTER TABLE desk DROP COLUMN IF EXISTS hours;
ALTER TABLE desk DROP COLUMN IF EXISTS closed_at;
DROP TABLE IF EXISTS desk;
