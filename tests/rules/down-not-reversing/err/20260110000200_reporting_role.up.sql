-- An earlier migration gives the role a setting.
ALTER ROLE reporting SET idle_in_transaction_session_timeout = '1min';
