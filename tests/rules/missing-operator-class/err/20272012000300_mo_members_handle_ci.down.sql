ALTER TABLE mo_members ALTER COLUMN handle TYPE text COLLATE "default";
