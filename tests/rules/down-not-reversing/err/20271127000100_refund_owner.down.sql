DROP SEQUENCE IF EXISTS refund_batches_seq;
DROP TABLE IF EXISTS refunds;
DROP ROLE IF EXISTS refund_admin;
