-- sqlgate:run-once the schema takes its old name back
ALTER SCHEMA accounts RENAME TO ledger;
