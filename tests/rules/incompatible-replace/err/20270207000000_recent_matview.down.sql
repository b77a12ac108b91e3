-- The up made it a materialized view: OR REPLACE does not turn it back into a view.
CREATE OR REPLACE VIEW sales_recent AS SELECT id FROM sales;
