ALTER ROLE reporting SET idle_in_transaction_session_timeout = '1min';
ALTER ROLE reporting RESET statement_timeout;
ALTER ROLE reporting RESET search_path;
ALTER ROLE reporting IN DATABASE app RESET ALL;
ALTER DATABASE app RESET lock_timeout;
