DROP FUNCTION IF EXISTS member_handle_ok(text) CASCADE;
DROP TYPE IF EXISTS member_rule_kind CASCADE;
