DROP VIEW IF EXISTS user_emails;
DROP FUNCTION IF EXISTS user_label(bigint);
