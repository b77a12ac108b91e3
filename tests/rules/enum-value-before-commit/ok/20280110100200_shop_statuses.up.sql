DO $$
BEGIN
  IF to_regtype('public.shop_order_status') IS NULL THEN
    CREATE TYPE public.shop_order_status AS ENUM ('pending', 'paid', 'shipped');
  END IF;
  IF to_regtype('public.shop_payment_status') IS NULL THEN
    CREATE TYPE public.shop_payment_status AS ENUM ('authorized', 'captured', 'refunded');
  END IF;
END
$$;
CREATE TABLE IF NOT EXISTS shop_orders (id bigint PRIMARY KEY, status shop_order_status NOT NULL DEFAULT 'pending');
CREATE TABLE IF NOT EXISTS shop_payments (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES shop_orders (id), status shop_payment_status NOT NULL DEFAULT 'authorized', note text);
INSERT INTO shop_orders (id, status) VALUES (1, 'shipped'), (2, 'pending') ON CONFLICT (id) DO NOTHING;
INSERT INTO shop_payments (id, order_id, status) VALUES (10, 2, 'captured') ON CONFLICT (id) DO NOTHING;
