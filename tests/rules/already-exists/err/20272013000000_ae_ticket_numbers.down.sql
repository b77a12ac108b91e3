DROP TABLE IF EXISTS ae_tickets, ae_ticket_ids;
DROP SEQUENCE IF EXISTS ae_ticket_seq, ae_holds_id_seq;
