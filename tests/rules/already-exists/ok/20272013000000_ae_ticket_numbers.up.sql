CREATE TABLE IF NOT EXISTS ae_tickets (
    id bigint PRIMARY KEY,
    ref bigint NOT NULL
);
CREATE SEQUENCE IF NOT EXISTS ae_ticket_seq;
CREATE TABLE IF NOT EXISTS ae_ticket_ids (n int);
CREATE SEQUENCE IF NOT EXISTS ae_holds_id_seq;
