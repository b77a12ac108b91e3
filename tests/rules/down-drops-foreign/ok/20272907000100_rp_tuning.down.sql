ALTER TABLE rp_order_lines_p0 RESET (fillfactor);
-- Nothing set a storage parameter of rp_order_lines: the RESET changes nothing.
ALTER TABLE rp_order_lines RESET (autovacuum_vacuum_scale_factor);
