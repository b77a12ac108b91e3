-- email was NOT NULL before: the key changes nothing there
ALTER TABLE vendors DROP CONSTRAINT IF EXISTS vendors_pkey;
ALTER TABLE vendors ALTER COLUMN legacy_id DROP NOT NULL;
ALTER TABLE vendors ADD CONSTRAINT vendors_email_pkey PRIMARY KEY (email);
