CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE IF NOT EXISTS rooms (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS room_closures (
    room_id bigint NOT NULL REFERENCES rooms (id),
    closed  daterange NOT NULL,
    note    text,
    CONSTRAINT room_closures_no_overlap EXCLUDE USING gist (room_id WITH =, closed WITH &&)
        DEFERRABLE INITIALLY IMMEDIATE
);
