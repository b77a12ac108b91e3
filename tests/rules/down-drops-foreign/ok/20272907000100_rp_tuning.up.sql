ALTER TABLE rp_order_lines_p0 SET (fillfactor = 90);
