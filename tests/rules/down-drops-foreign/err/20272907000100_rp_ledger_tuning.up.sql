ALTER TABLE rp_ledger SET (autovacuum_vacuum_scale_factor = 0.05);
