ALTER TABLE tm_rates ENABLE TRIGGER tm_rates_audit_trg;
