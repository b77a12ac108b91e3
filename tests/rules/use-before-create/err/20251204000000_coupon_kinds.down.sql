DROP TYPE IF EXISTS coupon_kind;
DROP FUNCTION IF EXISTS normalized_code(text);
