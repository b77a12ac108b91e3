DROP FUNCTION IF EXISTS np_label(text);
DROP FUNCTION IF EXISTS np_label(smallint);
