DROP TYPE IF EXISTS ticket_status;
DROP FUNCTION IF EXISTS next_status(ticket_status);
DROP TABLE IF EXISTS tickets;
DROP SEQUENCE tickets_id_seq;
