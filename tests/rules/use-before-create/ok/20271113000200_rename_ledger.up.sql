-- sqlgate:run-once the schema keeps its new name
ALTER SCHEMA ledger RENAME TO accounts;
