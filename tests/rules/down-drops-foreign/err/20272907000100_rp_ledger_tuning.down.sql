ALTER TABLE rp_ledger RESET (autovacuum_vacuum_scale_factor);
