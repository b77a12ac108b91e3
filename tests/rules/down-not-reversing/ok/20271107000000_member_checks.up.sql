CREATE TABLE IF NOT EXISTS member_checks (id bigint PRIMARY KEY, handle text NOT NULL);
CREATE OR REPLACE FUNCTION member_check_ok(p text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT p ~ '^[a-z]+$' $$;
ALTER TABLE member_checks DROP CONSTRAINT IF EXISTS member_checks_handle_ok;
ALTER TABLE member_checks ADD CONSTRAINT member_checks_handle_ok CHECK (member_check_ok(handle));
CREATE INDEX IF NOT EXISTS member_checks_handle_ok_idx ON member_checks (member_check_ok(handle));
DO $$
BEGIN
  IF to_regtype('member_check_kind') IS NULL THEN
    CREATE TYPE member_check_kind AS ENUM ('a', 'b');
  END IF;
END
$$;
ALTER TABLE member_checks ADD COLUMN IF NOT EXISTS kind member_check_kind;
