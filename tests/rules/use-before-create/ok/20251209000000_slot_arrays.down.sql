DROP FUNCTION IF EXISTS array_append(slot[], slot);
