-- the column had no default before the up, and has none after the down: PostgreSQL says
-- "drop cascades to default value for column number of table cd_invoices"
DROP SCHEMA IF EXISTS cd_billing CASCADE;
