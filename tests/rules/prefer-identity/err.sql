CREATE TABLE IF NOT EXISTS users (id bigserial PRIMARY KEY, name text);
CREATE TABLE IF NOT EXISTS tags (id serial NOT NULL, label text);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS line_no smallserial;
