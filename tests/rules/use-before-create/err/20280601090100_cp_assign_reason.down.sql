DROP PROCEDURE IF EXISTS cp_assign_ticket(bigint, bigint, text);
