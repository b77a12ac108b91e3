DROP FUNCTION IF EXISTS member_check_ok(text) CASCADE;
DROP TYPE IF EXISTS member_check_kind CASCADE;
