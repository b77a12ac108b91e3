CREATE OR REPLACE FUNCTION fs_ok.ledger_total() RETURNS numeric
LANGUAGE sql STABLE
AS $$ SELECT coalesce(sum(amount), 0) FROM fs_ok.ledger $$;
