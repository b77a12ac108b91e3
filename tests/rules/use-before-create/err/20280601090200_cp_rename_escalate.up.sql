ALTER PROCEDURE cp_escalate_ticket(bigint) RENAME TO cp_lower_priority;
