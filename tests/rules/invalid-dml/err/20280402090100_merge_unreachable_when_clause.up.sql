CREATE TABLE IF NOT EXISTS mw_preferences (customer_id bigint PRIMARY KEY, newsletter boolean NOT NULL DEFAULT false);
CREATE TABLE IF NOT EXISTS mw_import (customer_id bigint PRIMARY KEY, newsletter boolean, unsubscribe boolean NOT NULL DEFAULT false);
MERGE INTO mw_preferences cp
USING mw_import src
   ON cp.customer_id = src.customer_id
WHEN MATCHED THEN
    UPDATE SET newsletter = src.newsletter
WHEN MATCHED AND src.unsubscribe THEN
    DELETE
WHEN NOT MATCHED THEN
    INSERT (customer_id, newsletter) VALUES (src.customer_id, src.newsletter);
MERGE INTO mw_preferences cp
USING mw_import src
   ON cp.customer_id = src.customer_id
WHEN NOT MATCHED THEN
    DO NOTHING
WHEN MATCHED THEN
    DELETE
WHEN NOT MATCHED AND src.newsletter THEN
    INSERT (customer_id, newsletter) VALUES (src.customer_id, true);
-- the conditional clause first: fine
MERGE INTO mw_preferences cp
USING mw_import src
   ON cp.customer_id = src.customer_id
WHEN MATCHED AND src.unsubscribe THEN
    DELETE
WHEN MATCHED THEN
    UPDATE SET newsletter = src.newsletter
WHEN NOT MATCHED THEN
    INSERT (customer_id, newsletter) VALUES (src.customer_id, src.newsletter);
