-- Without LIMIT TO the remote schema's tables come in (but those of EXCEPT): names the
-- migrations do not give.
CREATE SCHEMA IF NOT EXISTS mirror_all;
IMPORT FOREIGN SCHEMA remote_src EXCEPT (audit_log) FROM SERVER loopback INTO mirror_all;
CREATE OR REPLACE VIEW customer_names AS SELECT id, name FROM mirror_all.customers;
