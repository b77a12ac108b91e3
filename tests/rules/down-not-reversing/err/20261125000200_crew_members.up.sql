CREATE TABLE IF NOT EXISTS crew_members (id bigint PRIMARY KEY, email text NOT NULL);
