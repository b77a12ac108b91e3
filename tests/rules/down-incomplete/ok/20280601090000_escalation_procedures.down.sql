-- PostgreSQL matches the argument types of DROP PROCEDURE and DROP ROUTINE against every argument
-- too, OUT ones included: both drops find their routine
DROP ROUTINE IF EXISTS esc_priority(bigint, smallint);
DROP PROCEDURE IF EXISTS esc_escalate(bigint, smallint);
DROP TABLE IF EXISTS esc_tickets;
