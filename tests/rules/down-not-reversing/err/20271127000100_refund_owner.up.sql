DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'refund_admin') THEN
    CREATE ROLE refund_admin NOLOGIN;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS refunds (id bigserial PRIMARY KEY, n bigint GENERATED ALWAYS AS IDENTITY);
CREATE SEQUENCE IF NOT EXISTS refund_batches_seq;
-- also gives refunds_id_seq and refunds_n_seq, which its columns own, to refund_admin
ALTER TABLE refunds OWNER TO refund_admin;
