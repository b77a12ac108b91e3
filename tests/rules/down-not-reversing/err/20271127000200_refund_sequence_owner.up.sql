-- refunds_id_seq is refund_admin's already; refund_batches_seq, which no column owns, is not.
ALTER SEQUENCE refunds_id_seq OWNER TO refund_admin;
ALTER SEQUENCE refund_batches_seq OWNER TO refund_admin;
