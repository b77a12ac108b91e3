ALTER TABLE gbo_orders ADD CONSTRAINT gbo_orders_pkey PRIMARY KEY (id);
