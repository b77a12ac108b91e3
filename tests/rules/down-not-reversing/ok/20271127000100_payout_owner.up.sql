DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'payout_admin') THEN
    CREATE ROLE payout_admin NOLOGIN;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS payouts (id bigserial PRIMARY KEY, n bigint GENERATED ALWAYS AS IDENTITY);
CREATE SEQUENCE IF NOT EXISTS payout_batches_seq;
-- also gives payouts_id_seq and payouts_n_seq, which its columns own, to payout_admin
ALTER TABLE payouts OWNER TO payout_admin;
