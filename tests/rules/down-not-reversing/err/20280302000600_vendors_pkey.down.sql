-- the key goes; legacy_id stays NOT NULL
ALTER TABLE vendors DROP CONSTRAINT IF EXISTS vendors_pkey;
