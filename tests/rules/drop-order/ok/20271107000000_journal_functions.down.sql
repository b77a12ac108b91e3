DROP FUNCTION IF EXISTS journal_touch(bigint, bigint);
DROP FUNCTION IF EXISTS journal_memo(bigint);
DROP TABLE IF EXISTS journal_lines;
