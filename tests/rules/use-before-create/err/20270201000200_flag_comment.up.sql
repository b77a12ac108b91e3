-- flag_label(char) is flag_label(character), not flag_label("char")
COMMENT ON FUNCTION flag_label(char) IS 'x';
