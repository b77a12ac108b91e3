-- char is character(1) (bpchar), "char" the one-byte internal type: neither drop matches
DROP FUNCTION IF EXISTS flag_label(char);
DROP FUNCTION IF EXISTS flag_code("char");
