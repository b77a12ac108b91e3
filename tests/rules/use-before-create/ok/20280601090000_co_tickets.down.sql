DROP PROCEDURE IF EXISTS co_assign_ticket(bigint, text);
DROP PROCEDURE IF EXISTS co_assign_ticket(bigint, bigint);
DROP PROCEDURE IF EXISTS co_escalate_ticket(bigint);
DROP TABLE IF EXISTS co_tickets;
