DROP PROCEDURE IF EXISTS cp_escalate_ticket(bigint);
DROP PROCEDURE IF EXISTS cp_assign_ticket(bigint, bigint);
DROP TABLE IF EXISTS cp_tickets;
