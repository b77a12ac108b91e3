ALTER PROCEDURE cp_lower_priority(bigint) RENAME TO cp_escalate_ticket;
