CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER IF NOT EXISTS archive_srv FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'archive');
CREATE USER MAPPING IF NOT EXISTS FOR PUBLIC SERVER archive_srv;
CREATE FOREIGN TABLE IF NOT EXISTS archived_orders (id integer, total numeric) SERVER archive_srv OPTIONS (table_name 'orders');
CREATE SERVER IF NOT EXISTS reports_srv FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'reports');
CREATE USER MAPPING IF NOT EXISTS FOR CURRENT_USER SERVER reports_srv;
