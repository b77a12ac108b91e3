ALTER TABLE tm_prices ENABLE TRIGGER tm_prices_audit_trg;
