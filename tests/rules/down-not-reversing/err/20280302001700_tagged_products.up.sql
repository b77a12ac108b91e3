CREATE TABLE IF NOT EXISTS tagged_products (
  id bigint PRIMARY KEY,
  tags text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  price numeric(12,2) NOT NULL,
  CONSTRAINT tagged_products_tags_not_empty CHECK (tags <> '{}'),
  CONSTRAINT tagged_products_active_price CHECK (active = 'f' OR price > 0)
);
CREATE INDEX IF NOT EXISTS tagged_products_active_idx ON tagged_products (id) WHERE active = 't';
