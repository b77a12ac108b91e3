-- NO CYCLE is what the sequence had: the down owes only MAXVALUE
ALTER SEQUENCE seq_invoices MAXVALUE 99999999 NO CYCLE;
-- AS integer moves MAXVALUE to integer's largest; AS bigint in the down moves it back
ALTER SEQUENCE seq_invoices AS integer;
ALTER SEQUENCE seq_countdown INCREMENT BY -2 MINVALUE -1000;
ALTER TABLE seq_tickets ALTER COLUMN code DROP IDENTITY IF EXISTS;
-- already GENERATED ALWAYS: nothing changes
ALTER TABLE seq_tickets ALTER COLUMN num SET GENERATED ALWAYS;
ALTER TABLE seq_tickets ALTER COLUMN ref SET GENERATED ALWAYS SET CACHE 1;
ALTER TABLE seq_tickets ALTER COLUMN plain ADD GENERATED ALWAYS AS IDENTITY;
ALTER DOMAIN seq_qty SET DEFAULT 10;
-- already NOT NULL: nothing changes
ALTER DOMAIN seq_label SET NOT NULL;
