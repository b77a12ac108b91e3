-- the pattern index is dropped first and made again under "C"
DROP INDEX IF EXISTS mo_members_handle_prefix_idx;
ALTER TABLE mo_members ALTER COLUMN handle TYPE text COLLATE mo_ci;
CREATE INDEX IF NOT EXISTS mo_members_handle_prefix_idx ON mo_members ((handle COLLATE "C") text_pattern_ops);
-- the index of code wrote COLLATE "C", which is not the column's: the rebuild keeps it
ALTER TABLE mo_members ALTER COLUMN code TYPE text COLLATE mo_ci;
