DROP FUNCTION IF EXISTS ir_ticket_ids(smallint);
DROP TABLE IF EXISTS ir_tickets;
