DROP TABLE IF EXISTS desk_tickets;
DROP TYPE IF EXISTS desk_channel;
