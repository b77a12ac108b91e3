ALTER TABLE vendors DROP CONSTRAINT IF EXISTS vendors_email_pkey;
ALTER TABLE vendors ADD CONSTRAINT vendors_pkey PRIMARY KEY (legacy_id);
