-- CACHE left at 20; INCREMENT BY -3 where it was -1; code back GENERATED ALWAYS (it was BY
-- DEFAULT) without INCREMENT BY 5 CACHE 10; ref left without its identity, num BY DEFAULT,
-- plain an identity column; seq_qty without the default it had; seq_label without NOT NULL
ALTER SEQUENCE seq_invoices NO MAXVALUE;
ALTER SEQUENCE seq_countdown INCREMENT BY -3;
ALTER TABLE seq_tickets ALTER COLUMN code ADD GENERATED ALWAYS AS IDENTITY;
ALTER DOMAIN seq_qty DROP DEFAULT;
