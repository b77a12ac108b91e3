CREATE OR REPLACE FUNCTION flag_label(f "char") RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT CASE f WHEN 'a' THEN 'active' ELSE 'other' END $$;
CREATE OR REPLACE FUNCTION flag_code(f character) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT upper(f) $$;
CREATE OR REPLACE FUNCTION flag_rank(f pg_catalog.char) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
