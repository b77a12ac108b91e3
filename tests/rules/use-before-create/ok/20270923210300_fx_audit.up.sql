-- A function that the replay does not follow may add a trigger to the table it is given.
SELECT audit_track('fx_audit_me');
ALTER TABLE fx_audit_me DISABLE TRIGGER audit_trigger_row;
