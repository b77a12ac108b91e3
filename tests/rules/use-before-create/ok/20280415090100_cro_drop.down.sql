CREATE TABLE IF NOT EXISTS cro_legacy (id bigint PRIMARY KEY, code text);
ALTER TABLE cro_customers ADD COLUMN IF NOT EXISTS full_name text, ADD COLUMN IF NOT EXISTS code text, ADD COLUMN IF NOT EXISTS note text;
