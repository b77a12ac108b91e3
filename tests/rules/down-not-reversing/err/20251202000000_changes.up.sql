ALTER TABLE users ADD COLUMN IF NOT EXISTS locale text NOT NULL DEFAULT 'en' CHECK (locale <> '');
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
ALTER TABLE users ALTER COLUMN name SET NOT NULL;
ALTER TABLE accounts RENAME TO customers;
ALTER TABLE customers RENAME COLUMN label TO title;
INSERT INTO plans (code) VALUES ('free'), ('pro') ON CONFLICT DO NOTHING;
