DROP FUNCTION IF EXISTS wallet_total(bigint);
DROP TABLE IF EXISTS wallet_moves;
