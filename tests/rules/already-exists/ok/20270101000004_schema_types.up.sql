-- Overloads on types of one name in two schemas are two functions.
CREATE SCHEMA billing;
CREATE TYPE billing.state AS ENUM ('open', 'paid');
CREATE SCHEMA shipping;
CREATE TYPE shipping.state AS ENUM ('packed', 'sent');
CREATE FUNCTION state_label(s billing.state) RETURNS text LANGUAGE sql AS $$ SELECT s::text $$;
CREATE FUNCTION state_label(s shipping.state) RETURNS text LANGUAGE sql AS $$ SELECT s::text $$;
