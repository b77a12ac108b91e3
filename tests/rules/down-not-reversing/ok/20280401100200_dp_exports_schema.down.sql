-- without CASCADE too: the entries IN SCHEMA dp_exports are removed with the schema
DROP SCHEMA IF EXISTS dp_exports;
