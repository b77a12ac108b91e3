-- sqlgate:no-transaction
-- A handler's own statements run once its block's subtransaction is over: COMMIT there is
-- allowed, and so is a COMMIT after the block that has the handler.
DO $$
BEGIN
  FOR i IN 1..10 LOOP
    BEGIN
      UPDATE users SET email = lower(email) WHERE id % 10 = i - 1;
    EXCEPTION WHEN lock_not_available THEN
      PERFORM pg_sleep(1);
      COMMIT;
    END;
    COMMIT;
  END LOOP;
END $$;
-- A handler that catches the refusal (OTHERS) keeps the block from failing.
DO $$
BEGIN
  UPDATE users SET email = lower(email) WHERE email <> lower(email);
  COMMIT;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'not committed: %', SQLERRM;
END $$;
