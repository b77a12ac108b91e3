-- search_path is reset; the other settings stay, and the earlier timeout is lost
ALTER ROLE reporting RESET search_path;
ALTER ROLE reporting RESET idle_in_transaction_session_timeout;
