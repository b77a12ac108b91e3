-- LIMIT TO (orders, "Lines"): a foreign table of each name in the INTO schema.
CREATE SCHEMA IF NOT EXISTS mirror;
IMPORT FOREIGN SCHEMA remote_src LIMIT TO (orders, "Lines") FROM SERVER loopback INTO mirror;
