-- The column is declared with the collation.
DROP COLLATION IF EXISTS handle_ci;
DROP TABLE IF EXISTS member_handles;
