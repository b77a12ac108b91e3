UPDATE orders SET state = 'paid', total = 10 WHERE id = 1;
-- Different elements of one array column.
UPDATE orders SET tags[1] = 'a', tags[2] = 'b' WHERE id = 1;
INSERT INTO orders (id, state) VALUES (1, 'new') ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state;
-- IF NOT EXISTS skips the second.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text, ADD COLUMN IF NOT EXISTS note text;
