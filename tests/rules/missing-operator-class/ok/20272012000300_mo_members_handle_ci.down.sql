ALTER TABLE mo_members ALTER COLUMN code TYPE text COLLATE "default";
DROP INDEX IF EXISTS mo_members_handle_prefix_idx;
ALTER TABLE mo_members ALTER COLUMN handle TYPE text COLLATE "default";
CREATE INDEX IF NOT EXISTS mo_members_handle_prefix_idx ON mo_members (handle text_pattern_ops);
