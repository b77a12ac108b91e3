DROP TABLE IF EXISTS rp_order_lines;
