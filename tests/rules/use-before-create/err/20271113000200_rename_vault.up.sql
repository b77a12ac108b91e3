-- sqlgate:run-once the schema keeps its new name
ALTER SCHEMA vault RENAME TO keystore;
-- The table moved with its schema: vault.secrets is no longer there.
COMMENT ON TABLE vault.secrets IS 'stored secrets';
