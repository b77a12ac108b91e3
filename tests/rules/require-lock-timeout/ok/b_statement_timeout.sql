-- statement_timeout bounds the wait too.
SET statement_timeout TO 60000;
DROP INDEX IF EXISTS orders_state_idx;
