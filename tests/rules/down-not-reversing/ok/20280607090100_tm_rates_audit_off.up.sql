ALTER TABLE tm_rates DISABLE TRIGGER tm_rates_audit_trg;
