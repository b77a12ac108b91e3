DROP TABLE IF EXISTS tm_messages;
DROP FUNCTION IF EXISTS tm_is_member(bigint);
DROP TABLE IF EXISTS tm_members;
