CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE DOMAIN public.quantity AS integer NOT NULL DEFAULT 1;
CREATE DOMAIN sku AS text CONSTRAINT sku_format CHECK (VALUE ~ '^[A-Z0-9-]+$') NOT NULL;
