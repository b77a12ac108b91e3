DROP FUNCTION IF EXISTS upsert_entry(bigint);
DROP FUNCTION IF EXISTS set_note(bigint, text);
DROP FUNCTION IF EXISTS memo_count(text);
DROP FUNCTION IF EXISTS account_paid(bigint);
DROP TABLE IF EXISTS payment_lines;
