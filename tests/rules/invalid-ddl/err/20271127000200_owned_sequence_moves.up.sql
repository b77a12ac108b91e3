-- a sequence a column owns (serial, identity, OWNED BY) changes owner and schema only with its
-- table: OWNER TO a role the migrations make, or other than the owner an earlier OWNER TO gave it
ALTER SEQUENCE ledger_accounts_id_seq OWNER TO ledger_app;
ALTER TABLE ledger_accounts_entry_no_seq OWNER TO ledger_app;
ALTER SEQUENCE ledger_books_id_seq OWNER TO ledger_archiver;
ALTER SEQUENCE ledger_accounts_id_seq SET SCHEMA archive;
ALTER TABLE ledger_accounts_entry_no_seq SET SCHEMA archive;
ALTER SEQUENCE ledger_ref_seq SET SCHEMA public;
