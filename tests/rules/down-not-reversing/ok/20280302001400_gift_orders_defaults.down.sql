-- The defaults of before, in the other spelling: PostgreSQL stores the literal coerced to the
-- column's type, so pg_get_expr(adbin) prints false, true, 1, '{}'::text[] and '{}'::bigint[]
-- after this as before the up.
ALTER TABLE gift_orders
  ALTER COLUMN is_gift SET DEFAULT false,
  ALTER COLUMN is_taxable SET DEFAULT true,
  ALTER COLUMN qty SET DEFAULT 1,
  ALTER COLUMN tags SET DEFAULT '{}'::text[],
  ALTER COLUMN coupon_ids SET DEFAULT '{}',
  ALTER COLUMN currency SET DEFAULT 'EUR'::text;
