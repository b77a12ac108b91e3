-- What reads a column goes first.
DROP VIEW IF EXISTS unassigned_help;
DROP POLICY IF EXISTS help_mine ON help_desk;
ALTER TABLE help_desk DROP COLUMN IF EXISTS hours;
ALTER TABLE help_desk DROP COLUMN IF EXISTS assignee;
ALTER TABLE help_desk DROP COLUMN IF EXISTS opened_at;
ALTER TABLE help_desk DROP COLUMN IF EXISTS closed_at;
DROP TABLE IF EXISTS help_desk;
