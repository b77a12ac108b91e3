-- Each fails when the migration runs a second time: the old name is gone.
ALTER TABLE users RENAME COLUMN name TO full_name;
ALTER TABLE IF EXISTS users RENAME COLUMN email TO email_address;  -- the table still exists
ALTER TABLE users RENAME nickname TO handle;
ALTER TABLE users RENAME CONSTRAINT users_age_check TO users_age_positive;
ALTER TABLE users RENAME TO accounts;
ALTER INDEX accounts_email_idx RENAME TO accounts_email;
ALTER VIEW active_users RENAME TO active_accounts;
ALTER MATERIALIZED VIEW user_counts RENAME TO account_counts;
ALTER SEQUENCE users_id_seq RENAME TO accounts_id_seq;
ALTER TABLE accounts SET SCHEMA archive;
ALTER VIEW active_accounts RENAME COLUMN id TO account_id;
ALTER TYPE mood RENAME TO feeling;
ALTER TYPE feeling RENAME VALUE 'ok' TO 'fine';
ALTER TYPE address RENAME ATTRIBUTE zip TO postal_code;
ALTER DOMAIN email_address RENAME CONSTRAINT email_has_at TO email_valid;
ALTER FUNCTION touch() RENAME TO touch_updated_at;
ALTER FUNCTION touch_updated_at() SET SCHEMA archive;
ALTER TRIGGER users_touch ON accounts RENAME TO accounts_touch;
ALTER POLICY users_own_rows ON accounts RENAME TO accounts_own_rows;
ALTER SCHEMA billing RENAME TO invoicing;
ALTER ROLE reporting RENAME TO reporter;
ALTER TYPE feeling SET SCHEMA archive;

-- In a DO block: unguarded, or guarded against the wrong error.
DO $$
BEGIN
  ALTER TABLE hosts RENAME COLUMN info TO details;
EXCEPTION WHEN undefined_table THEN NULL;  -- a second RENAME COLUMN raises undefined_column
END $$;
