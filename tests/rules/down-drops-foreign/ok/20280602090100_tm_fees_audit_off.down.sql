ALTER TABLE tm_fees ENABLE TRIGGER tm_fees_audit_trg;
