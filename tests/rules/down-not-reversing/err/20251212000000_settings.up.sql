COMMENT ON TABLE users IS 'people who sign in';
ALTER TABLE users SET (fillfactor = 80);
ALTER TABLE customers SET UNLOGGED;
ALTER TABLE users ALTER COLUMN email SET STATISTICS 1000;
ALTER SEQUENCE users_id_seq CACHE 20;
ALTER TABLE price_plans DISABLE TRIGGER USER;
ALTER FUNCTION plans_audit() SECURITY DEFINER SET search_path = public;
