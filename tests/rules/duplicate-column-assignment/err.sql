UPDATE orders SET state = 'paid', total = 10, state = 'shipped' WHERE id = 1;
UPDATE orders SET (state, total) = ('paid', 10), total = 11 WHERE id = 2;
INSERT INTO orders (id, state, id) VALUES (1, 'new', 2);
INSERT INTO orders (id, state) VALUES (1, 'new')
  ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, state = 'x';
CREATE TABLE IF NOT EXISTS invoices (id bigint, total numeric, id text);
CREATE OR REPLACE VIEW order_states (id, id) AS SELECT id, state FROM orders;
ALTER TABLE orders ADD COLUMN note text, ADD COLUMN note text;
