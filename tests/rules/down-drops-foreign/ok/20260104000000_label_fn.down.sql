DROP FUNCTION IF EXISTS ticket_label(bigint);
