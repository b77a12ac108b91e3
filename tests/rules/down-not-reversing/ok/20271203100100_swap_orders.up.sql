CREATE TABLE IF NOT EXISTS swap_orders (id serial PRIMARY KEY, note text);
