-- sqlgate:no-transaction
-- The wrapper's CALL commits through the procedure it calls: the marker is needed.
CREATE OR REPLACE PROCEDURE backfill_currency(tbl regclass) LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('UPDATE %s SET currency = ''EUR'' WHERE currency IS NULL', tbl);
  COMMIT;
END $$;
CREATE OR REPLACE PROCEDURE backfill_all_currencies() LANGUAGE plpgsql AS $$
BEGIN
  CALL backfill_currency('jobs');
END $$;
CALL backfill_all_currencies();
