-- pg_catalog.char is "char"; character, char(1) and bpchar are one type
DROP FUNCTION IF EXISTS flag_label(pg_catalog.char);
DROP FUNCTION IF EXISTS flag_code(bpchar);
DROP FUNCTION IF EXISTS flag_rank("char");
