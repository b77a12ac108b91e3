-- A constraint trigger is a constraint of its name too (pg_constraint, contype 't').
COMMENT ON CONSTRAINT bookings_capacity_check ON bookings IS 'attendees must fit the room; checked at commit';
