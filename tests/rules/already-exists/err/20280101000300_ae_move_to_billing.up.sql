-- Each fails on the first run: the schema moved to has an object of that name (and kind).
ALTER TABLE IF EXISTS ae_app.settings SET SCHEMA ae_billing;
ALTER TYPE ae_app.account_status SET SCHEMA ae_billing;
ALTER FUNCTION ae_app.fmt(text) SET SCHEMA ae_billing;
-- Another signature: ae_billing has no fmt(integer).
ALTER FUNCTION ae_app.fmt(integer) SET SCHEMA ae_billing;
