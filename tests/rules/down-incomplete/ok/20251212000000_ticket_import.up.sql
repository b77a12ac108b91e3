-- Temporary tables go with the session (or the transaction): nothing for the down to drop.
CREATE TEMP TABLE IF NOT EXISTS ticket_import (id bigint, code text);
CREATE TEMPORARY TABLE ticket_batch (id bigint) ON COMMIT DROP;
INSERT INTO ticket_import VALUES (1, 'a');
