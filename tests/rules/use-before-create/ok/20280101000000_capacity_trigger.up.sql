CREATE TABLE IF NOT EXISTS rooms (id bigint PRIMARY KEY, capacity integer NOT NULL);
CREATE TABLE IF NOT EXISTS bookings (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id   bigint NOT NULL REFERENCES rooms (id),
    attendees integer NOT NULL DEFAULT 1
);
CREATE OR REPLACE FUNCTION bookings_check_capacity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.attendees > (SELECT capacity FROM rooms WHERE id = NEW.room_id) THEN
        RAISE EXCEPTION 'room % is too small', NEW.room_id;
    END IF;
    RETURN NULL;
END
$$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'bookings_capacity_check') THEN
        CREATE CONSTRAINT TRIGGER bookings_capacity_check
            AFTER INSERT OR UPDATE ON bookings
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION bookings_check_capacity();
    END IF;
END
$$;
