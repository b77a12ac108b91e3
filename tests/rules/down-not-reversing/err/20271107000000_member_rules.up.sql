CREATE TABLE IF NOT EXISTS member_rules (id bigint PRIMARY KEY, handle text NOT NULL);
CREATE OR REPLACE FUNCTION member_handle_ok(p text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT p ~ '^[a-z]+$' $$;
ALTER TABLE member_rules DROP CONSTRAINT IF EXISTS member_rules_handle_ok;
ALTER TABLE member_rules ADD CONSTRAINT member_rules_handle_ok CHECK (member_handle_ok(handle));
CREATE INDEX IF NOT EXISTS member_rules_handle_ok_idx ON member_rules (member_handle_ok(handle));
DO $$
BEGIN
  IF to_regtype('member_rule_kind') IS NULL THEN
    CREATE TYPE member_rule_kind AS ENUM ('a', 'b');
  END IF;
END
$$;
ALTER TABLE member_rules ADD COLUMN IF NOT EXISTS kind member_rule_kind;
