-- sqlgate:no-transaction
-- Each statement of this file runs on its own: CONCURRENTLY can be added.
CREATE INDEX IF NOT EXISTS orders_customer_idx ON orders (customer_id);

create unique index users_email_key on public.users using btree (lower(email));

-- Inside a DO block CONCURRENTLY is impossible: reported, no fix.
DO $$
BEGIN
  CREATE INDEX events_kind_idx ON events (kind);
END
$$;

BEGIN;
-- Between BEGIN and COMMIT: a transaction block, so no fix.
CREATE INDEX payments_state_idx ON payments (state);
COMMIT;
