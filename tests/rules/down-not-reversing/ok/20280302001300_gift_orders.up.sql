CREATE TABLE IF NOT EXISTS gift_orders (
  id bigint PRIMARY KEY,
  is_gift boolean NOT NULL DEFAULT 'f',
  is_taxable boolean NOT NULL DEFAULT 'true',
  qty integer NOT NULL DEFAULT '1',
  tags text[] NOT NULL DEFAULT '{}',
  coupon_ids bigint[] NOT NULL DEFAULT '{}'::bigint[],
  currency text NOT NULL DEFAULT 'EUR'
);
