-- The key the down adds back is on code (the index's column): id stays nullable
CREATE UNIQUE INDEX IF NOT EXISTS suppliers_code_idx ON suppliers (code);
ALTER TABLE suppliers ADD CONSTRAINT suppliers_pkey PRIMARY KEY USING INDEX suppliers_code_idx;
