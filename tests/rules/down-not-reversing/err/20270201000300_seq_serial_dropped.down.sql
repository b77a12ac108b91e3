SET LOCAL lock_timeout = '5s';
-- made again AS bigint: a serial's sequence is AS integer
CREATE SEQUENCE IF NOT EXISTS seq_tickets_id_seq OWNED BY seq_tickets.id;
ALTER TABLE seq_tickets ALTER COLUMN id SET DEFAULT nextval('seq_tickets_id_seq');
