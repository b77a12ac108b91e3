-- sqlgate:no-transaction
-- Each statement runs in a transaction of its own: the SET LOCAL ends with itself ("SET LOCAL
-- can only be used in transaction blocks"), and sp_ledgers is looked up in public only.
SET LOCAL search_path = sp_billing, public;
CREATE INDEX CONCURRENTLY IF NOT EXISTS sp_ledgers_total_idx ON sp_ledgers (total_cents);
