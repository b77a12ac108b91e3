CREATE SCHEMA IF NOT EXISTS ae_app;
CREATE SCHEMA IF NOT EXISTS ae_billing;
CREATE TABLE IF NOT EXISTS ae_app.settings (key text PRIMARY KEY, value jsonb);
CREATE TABLE IF NOT EXISTS ae_billing.settings (key text PRIMARY KEY, value jsonb);
CREATE TYPE ae_app.account_status AS ENUM ('active', 'closed');
CREATE TYPE ae_billing.account_status AS ENUM ('active', 'closed');
CREATE OR REPLACE FUNCTION ae_app.fmt(v text) RETURNS text LANGUAGE sql AS $$ SELECT upper(v) $$;
CREATE OR REPLACE FUNCTION ae_app.fmt(v integer) RETURNS text LANGUAGE sql AS $$ SELECT v::text $$;
CREATE OR REPLACE FUNCTION ae_billing.fmt(v text) RETURNS text LANGUAGE sql AS $$ SELECT v $$;
