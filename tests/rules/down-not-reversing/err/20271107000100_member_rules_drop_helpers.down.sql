CREATE OR REPLACE FUNCTION member_handle_ok(p text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT p ~ '^[a-z]+$' $$;
DO $$
BEGIN
  IF to_regtype('member_rule_kind') IS NULL THEN
    CREATE TYPE member_rule_kind AS ENUM ('a', 'b');
  END IF;
END
$$;
