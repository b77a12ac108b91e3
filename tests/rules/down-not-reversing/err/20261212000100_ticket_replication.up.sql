-- errors: catalog settings the down can always write back
ALTER TABLE ticket_log REPLICA IDENTITY FULL;
ALTER SEQUENCE ticket_numbers INCREMENT BY 5 CACHE 20;
