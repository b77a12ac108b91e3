CREATE TABLE IF NOT EXISTS orders (
  id bigint PRIMARY KEY,
  code text,
  ref varchar(36),
  paid integer,
  attrs text,
  tags text[],
  status text NOT NULL,
  placed date
);
DO $$ BEGIN
  CREATE TYPE order_status AS ENUM ('new', 'paid');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
