DROP FUNCTION IF EXISTS cfo_city(cfo_address);
DROP FUNCTION IF EXISTS cfo_order_total_dollars(cfo_orders);
DROP TYPE IF EXISTS cfo_address;
DROP TABLE IF EXISTS cfo_orders;
