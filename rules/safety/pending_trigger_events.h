// invalid-ddl's check of DDL on a table with pending trigger events: an INSERT into a table with
// an INITIALLY DEFERRED foreign key or constraint trigger queues an event for each row, fired at
// COMMIT (or SET CONSTRAINTS ... IMMEDIATE), and until then PostgreSQL refuses ALTER TABLE,
// CREATE INDEX, TRUNCATE, DROP TABLE and CLUSTER of that table in the same transaction ("cannot
// ALTER TABLE "bookings" because it has pending trigger events").
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules {

// Reports the first statement of an up that PostgreSQL refuses so as invalid-ddl.
void check_pending_trigger_events(const lint::FileContext& context, lint::Reporter& out);

}  // namespace sqlgate::rules
