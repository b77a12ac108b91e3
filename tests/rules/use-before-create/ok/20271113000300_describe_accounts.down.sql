COMMENT ON TABLE accounts.entries IS NULL;
COMMENT ON COLUMN accounts.entries.amount IS NULL;
COMMENT ON SEQUENCE accounts.entry_numbers IS NULL;
COMMENT ON VIEW accounts.totals IS NULL;
COMMENT ON FUNCTION accounts.entry_count() IS NULL;
COMMENT ON CONSTRAINT entries_pkey ON accounts.entries IS NULL;
COMMENT ON INDEX accounts.entries_pkey IS NULL;
