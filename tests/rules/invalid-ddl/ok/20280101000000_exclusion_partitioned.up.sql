CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE slots (room_id bigint, during tstzrange, day date) PARTITION BY RANGE (day);
CREATE TABLE slots_2028 PARTITION OF slots FOR VALUES FROM ('2028-01-01') TO ('2029-01-01');
-- a partition is a plain table: it takes an exclusion constraint
ALTER TABLE slots_2028 ADD CONSTRAINT slots_2028_no_overlap
    EXCLUDE USING gist (room_id WITH =, during WITH &&);
CREATE TABLE slots_2029 PARTITION OF slots (
    CONSTRAINT slots_2029_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)
) FOR VALUES FROM ('2029-01-01') TO ('2030-01-01');
-- slots is there already: PostgreSQL skips the statement before it reads the constraint
CREATE TABLE IF NOT EXISTS slots (
    room_id bigint,
    during tstzrange,
    day date,
    EXCLUDE USING gist (room_id WITH =, during WITH &&)
) PARTITION BY RANGE (day);
