-- The use in the next migration: the value was committed.
UPDATE events SET kind = 'expired' WHERE id < 0;
