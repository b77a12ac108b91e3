CREATE TABLE IF NOT EXISTS sfo_orders (id bigint PRIMARY KEY, note text);
-- RETURNS TABLE: the rows are of no table's row type, and the string body records nothing
CREATE OR REPLACE FUNCTION sfo_notes() RETURNS TABLE (id bigint, note text)
LANGUAGE sql STABLE AS $$
  SELECT id, note FROM sfo_orders
$$;
CREATE OR REPLACE VIEW sfo_order_notes AS SELECT id, note FROM sfo_notes();
