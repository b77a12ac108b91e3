-- the table moves its sequences; a detached sequence moves alone; the owner it has already
ALTER TABLE ledger_accounts OWNER TO ledger_app;
ALTER SEQUENCE ledger_accounts_id_seq OWNER TO ledger_app;
ALTER SEQUENCE ledger_books_id_seq OWNER TO ledger_app;
ALTER SEQUENCE ledger_ref_seq OWNED BY NONE;
ALTER SEQUENCE ledger_ref_seq SET SCHEMA archive;
ALTER TABLE ledger_books SET SCHEMA archive;
-- a role the migrations do not make: maybe the one that made the sequence
ALTER SEQUENCE ledger_notes_id_seq OWNER TO postgres;
ALTER SEQUENCE ledger_notes_id_seq OWNER TO CURRENT_USER;
