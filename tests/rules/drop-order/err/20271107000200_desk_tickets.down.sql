DROP TABLE IF EXISTS desk_tickets;
