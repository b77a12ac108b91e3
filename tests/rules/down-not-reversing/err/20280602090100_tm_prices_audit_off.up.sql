ALTER TABLE tm_prices DISABLE TRIGGER tm_prices_audit_trg;
