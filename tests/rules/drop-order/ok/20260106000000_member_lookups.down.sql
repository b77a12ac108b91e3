-- The first names its argument types; the second is then the only one of its name.
DROP FUNCTION IF EXISTS member_ids_of(uuid, text);
DROP FUNCTION IF EXISTS member_ids_of;
