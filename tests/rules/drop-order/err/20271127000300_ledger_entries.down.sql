REVOKE SELECT ON ledger_entries FROM ledger_clerk;
DROP TABLE IF EXISTS ledger_entries;
-- ledger_clerk still holds SELECT on ledger, from 20271127000100_ledger_roles.
DROP ROLE IF EXISTS ledger_clerk;
