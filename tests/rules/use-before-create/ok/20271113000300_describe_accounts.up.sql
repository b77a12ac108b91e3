COMMENT ON TABLE accounts.entries IS 'ledger entries';
COMMENT ON COLUMN accounts.entries.amount IS 'in cents';
COMMENT ON SEQUENCE accounts.entry_numbers IS 'entry numbers';
COMMENT ON VIEW accounts.totals IS 'the sum of all entries';
COMMENT ON FUNCTION accounts.entry_count() IS 'how many entries';
COMMENT ON CONSTRAINT entries_pkey ON accounts.entries IS 'the key';
COMMENT ON INDEX accounts.entries_pkey IS 'the key index';
