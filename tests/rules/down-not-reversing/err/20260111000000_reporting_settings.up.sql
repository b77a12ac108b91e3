ALTER ROLE reporting SET statement_timeout = '5s';
ALTER ROLE reporting IN DATABASE app SET work_mem = '64MB';
ALTER DATABASE app SET lock_timeout = '2s';
ALTER ROLE reporting SET search_path = shared, public;
ALTER ROLE reporting SET idle_in_transaction_session_timeout = '5min';
