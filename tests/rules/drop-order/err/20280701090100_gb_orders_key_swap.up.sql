-- sqlgate:run-once-file key swap
ALTER TABLE gb_orders DROP CONSTRAINT gb_orders_pkey;
ALTER TABLE gb_orders ALTER COLUMN id_new SET NOT NULL;
ALTER TABLE gb_orders ADD CONSTRAINT gb_orders_pkey PRIMARY KEY USING INDEX gb_orders_id_new_key;
