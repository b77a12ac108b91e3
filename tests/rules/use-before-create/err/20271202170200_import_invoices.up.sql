CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER IF NOT EXISTS billing FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'billing');
CREATE SCHEMA IF NOT EXISTS billing_mirror;
IMPORT FOREIGN SCHEMA public LIMIT TO (invoices) FROM SERVER billing INTO billing_mirror;
