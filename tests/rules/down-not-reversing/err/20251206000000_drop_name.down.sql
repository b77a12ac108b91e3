-- The column comes back on another table.
ALTER TABLE plans ADD COLUMN IF NOT EXISTS name varchar(200);
