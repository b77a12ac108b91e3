ALTER SCHEMA public OWNER TO ps_keeper;
COMMENT ON SCHEMA public IS 'Application tables';
