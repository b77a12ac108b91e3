-- public is there before the down (PostgreSQL makes it in every database); CASCADE takes the
-- table, its sequence and the view ("drop cascades to 2 other objects"), and public is made
-- again empty.
DROP SCHEMA public CASCADE;
CREATE SCHEMA public;
