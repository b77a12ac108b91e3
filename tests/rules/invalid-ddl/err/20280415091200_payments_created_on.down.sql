ALTER TABLE payments RENAME COLUMN created_on TO created_at;
