ALTER TABLE archive.ledger_books SET SCHEMA public;
ALTER SEQUENCE archive.ledger_ref_seq SET SCHEMA public;
ALTER SEQUENCE ledger_ref_seq OWNED BY ledger_accounts.ref;
