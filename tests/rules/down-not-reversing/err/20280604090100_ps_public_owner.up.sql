ALTER SCHEMA public OWNER TO ps_owner;
COMMENT ON SCHEMA public IS 'Application tables';
