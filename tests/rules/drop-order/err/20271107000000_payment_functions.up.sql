CREATE TABLE IF NOT EXISTS payment_lines (
  id bigint PRIMARY KEY,
  account_id bigint NOT NULL,
  amount_cents integer NOT NULL,
  memo text,
  note text,
  tag text,
  legacy_code text
);
CREATE OR REPLACE FUNCTION account_paid(p_account bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT coalesce(sum(amount_cents), 0) FROM payment_lines WHERE account_id = p_account;
END;
CREATE OR REPLACE FUNCTION memo_count(p text) RETURNS bigint LANGUAGE sql STABLE
RETURN (SELECT count(*) FROM payment_lines e WHERE e.memo = p);
CREATE OR REPLACE FUNCTION set_note(p_id bigint, p_note text) RETURNS void LANGUAGE sql
BEGIN ATOMIC
  UPDATE payment_lines SET note = p_note WHERE id = p_id;
END;
CREATE OR REPLACE FUNCTION upsert_entry(p_id bigint) RETURNS void LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO payment_lines (id, account_id, amount_cents) VALUES (p_id, 0, 0)
  ON CONFLICT (id) DO UPDATE SET account_id = 0;
END;
