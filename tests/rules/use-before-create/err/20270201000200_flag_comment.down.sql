COMMENT ON FUNCTION flag_label(char) IS NULL;
