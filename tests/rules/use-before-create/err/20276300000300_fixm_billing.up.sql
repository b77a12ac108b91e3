CREATE SCHEMA IF NOT EXISTS "FixmBilling";
-- Folded to fixmbilling, which does not exist: no schema has been selected to create in.
SET search_path TO FixmBilling;
CREATE TABLE IF NOT EXISTS fixm_invoice (id int);
