CREATE UNIQUE INDEX IF NOT EXISTS vd_vendors_legacy_key ON vd_vendors (legacy_id);
ALTER TABLE vd_vendors ADD CONSTRAINT vd_vendors_pkey PRIMARY KEY USING INDEX vd_vendors_legacy_key;
