ALTER TABLE cro_customers ADD COLUMN IF NOT EXISTS note text;
