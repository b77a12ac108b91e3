-- A foreign key from a new table locks the table it references (SHARE ROW EXCLUSIVE).
CREATE TABLE IF NOT EXISTS payments (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));
