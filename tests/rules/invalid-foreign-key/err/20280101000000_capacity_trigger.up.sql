CREATE TABLE IF NOT EXISTS rooms (id bigint PRIMARY KEY, capacity integer NOT NULL);
CREATE TABLE IF NOT EXISTS bookings (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id   bigint NOT NULL REFERENCES rooms (id),
    attendees integer NOT NULL DEFAULT 1
);
CREATE OR REPLACE FUNCTION bookings_check_capacity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER bookings_capacity_check AFTER INSERT OR UPDATE ON bookings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bookings_check_capacity();
