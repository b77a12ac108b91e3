CREATE TABLE IF NOT EXISTS archive (id bigint PRIMARY KEY, note text);
COMMENT ON TABLE archive IS 'rows moved out of orders';
CREATE OR REPLACE PROCEDURE archive_orders() LANGUAGE sql AS $$ SELECT 1 $$;
