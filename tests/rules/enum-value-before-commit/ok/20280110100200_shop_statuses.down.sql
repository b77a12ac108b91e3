DROP TABLE IF EXISTS shop_payments;
DROP TABLE IF EXISTS shop_orders;
DROP TYPE IF EXISTS shop_payment_status;
DROP TYPE IF EXISTS shop_order_status;
