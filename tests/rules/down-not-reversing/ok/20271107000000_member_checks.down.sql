DROP TABLE IF EXISTS member_checks;
DROP TYPE IF EXISTS member_check_kind;
DROP FUNCTION IF EXISTS member_check_ok(text);
