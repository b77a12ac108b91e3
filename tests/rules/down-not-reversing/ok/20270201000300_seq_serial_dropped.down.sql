CREATE SEQUENCE IF NOT EXISTS seq_tickets_id_seq AS integer OWNED BY seq_tickets.id;
ALTER TABLE seq_tickets ALTER COLUMN id SET DEFAULT nextval('seq_tickets_id_seq');
