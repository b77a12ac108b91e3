-- NOT VALID checks new values only; no scan now.
ALTER DOMAIN email ADD CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%') NOT VALID;
-- Changes that check no existing value.
ALTER DOMAIN email DROP CONSTRAINT IF EXISTS email_lower;
ALTER DOMAIN quantity DROP NOT NULL;
ALTER DOMAIN quantity SET DEFAULT 1;
-- A domain created in this migration is used only by tables created since.
CREATE DOMAIN sku AS text;
ALTER DOMAIN sku ADD CONSTRAINT sku_format CHECK (VALUE ~ '^[A-Z0-9-]+$');
ALTER DOMAIN sku SET NOT NULL;
