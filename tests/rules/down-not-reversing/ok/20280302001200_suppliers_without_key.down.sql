-- PRIMARY KEY USING INDEX sets the index's columns NOT NULL, as PRIMARY KEY (id) does
CREATE UNIQUE INDEX IF NOT EXISTS suppliers_id_idx ON suppliers (id);
ALTER TABLE suppliers ADD CONSTRAINT suppliers_pkey PRIMARY KEY USING INDEX suppliers_id_idx;
