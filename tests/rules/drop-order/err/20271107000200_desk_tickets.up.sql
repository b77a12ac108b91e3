CREATE TABLE IF NOT EXISTS desk_tickets (id bigint PRIMARY KEY, state text NOT NULL DEFAULT 'open');
