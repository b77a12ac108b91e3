DROP TABLE IF EXISTS member_rules;
DROP TYPE IF EXISTS member_rule_kind;
DROP FUNCTION IF EXISTS member_handle_ok(text);
