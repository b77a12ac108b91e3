-- sqlgate:run-once the schema takes its old name back
ALTER SCHEMA keystore RENAME TO vault;
