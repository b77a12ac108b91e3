DROP FUNCTION IF EXISTS user_label(bigint);
