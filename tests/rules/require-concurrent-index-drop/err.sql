-- sqlgate:no-transaction
DROP INDEX IF EXISTS orders_customer_idx;

-- Several indexes, or CASCADE: DROP INDEX CONCURRENTLY takes neither, so no fix.
DROP INDEX IF EXISTS public.users_email_key, users_name_idx;
DROP INDEX payments_state_idx CASCADE;

-- An index created earlier in this file on an existing table.
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_kind_idx ON events (kind);
DROP INDEX events_kind_idx;
