CREATE SCHEMA IF NOT EXISTS mv_reporting;
CREATE TABLE IF NOT EXISTS mv_orders (id bigint PRIMARY KEY, total_cents bigint NOT NULL);
CREATE OR REPLACE VIEW mv_reporting.order_totals AS SELECT sum(total_cents) AS total_cents FROM mv_orders;
CREATE MATERIALIZED VIEW IF NOT EXISTS mv_reporting.order_counts AS SELECT count(*) AS orders FROM mv_orders;
CREATE OR REPLACE FUNCTION mv_reporting.order_total() RETURNS bigint LANGUAGE sql AS 'SELECT sum(total_cents) FROM mv_orders';
