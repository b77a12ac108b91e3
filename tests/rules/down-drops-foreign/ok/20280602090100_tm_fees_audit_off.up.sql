ALTER TABLE tm_fees DISABLE TRIGGER tm_fees_audit_trg;
