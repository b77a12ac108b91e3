CREATE TABLE IF NOT EXISTS wallet_moves (id bigint PRIMARY KEY, account_id bigint NOT NULL, amount_cents integer NOT NULL, memo text);
CREATE OR REPLACE FUNCTION wallet_total(p_account bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT coalesce(sum(amount_cents), 0) FROM wallet_moves WHERE account_id = p_account;
END;
