DROP SEQUENCE IF EXISTS payout_batches_seq;
DROP TABLE IF EXISTS payouts;
DROP ROLE IF EXISTS payout_admin;
