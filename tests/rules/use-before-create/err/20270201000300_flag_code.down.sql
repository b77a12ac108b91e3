DROP FUNCTION IF EXISTS flag_label(char);
