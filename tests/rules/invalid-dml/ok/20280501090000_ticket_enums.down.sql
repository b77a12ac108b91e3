DROP TABLE IF EXISTS ticket;
DROP TYPE IF EXISTS ticket_source;
DROP TYPE IF EXISTS ticket_kind;
DROP TYPE IF EXISTS ticket_state;
