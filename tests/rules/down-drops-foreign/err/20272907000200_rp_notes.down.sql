DROP TABLE IF EXISTS rp_notes;
-- rp_accounts was made WITH (fillfactor = 80), rp_ledger's parameter set by an earlier
-- migration: these RESETs change what this up did not.
ALTER TABLE rp_accounts RESET (fillfactor);
ALTER TABLE rp_ledger RESET (autovacuum_vacuum_scale_factor);
