DROP FUNCTION tp_priority(bigint, smallint);
DROP PROCEDURE tp_escalate(bigint, smallint);
DROP TABLE tp_tickets;
