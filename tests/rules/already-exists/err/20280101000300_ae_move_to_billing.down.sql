ALTER FUNCTION ae_billing.fmt(integer) SET SCHEMA ae_app;
