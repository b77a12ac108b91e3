CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE reservations (
    room_id   bigint NOT NULL,
    during    tstzrange NOT NULL,
    booked_on date NOT NULL,
    CONSTRAINT reservations_no_overlap
        EXCLUDE USING gist (room_id WITH =, during WITH &&, booked_on WITH =)
) PARTITION BY RANGE (booked_on);
CREATE TABLE closures (room_id bigint, during tstzrange, closed_on date)
    PARTITION BY RANGE (closed_on);
ALTER TABLE closures ADD COLUMN note text,
    ADD CONSTRAINT closures_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'closures_no_overlap') THEN
        ALTER TABLE ONLY closures ADD CONSTRAINT closures_no_overlap
            EXCLUDE USING gist (room_id WITH =, during WITH &&);
    END IF;
END
$$;
