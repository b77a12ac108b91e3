VACUUM orders;
VACUUM (ANALYZE) orders;
VACUUM (FULL false) orders;
ANALYZE orders;
CREATE TABLE IF NOT EXISTS invoice_import (id bigint);
VACUUM FULL invoice_import;
