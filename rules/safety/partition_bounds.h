// The bound of a new partition (CREATE TABLE ... PARTITION OF, ALTER TABLE ... ATTACH PARTITION)
// against its partitioned table and the partitions it has, as the migrations before made them:
// what invalid-ddl reports of partition bounds. PostgreSQL judges a bound in two stages: against
// the table's partition strategy when it reads the statement (bound_form), and against the other
// partitions once the new one's columns passed (bound_conflict).
#pragma once

#include <optional>
#include <string>

#include "lint/rule.h"
#include "lint/sql.h"

namespace sqlgate::rules {

struct BoundRefusal {
  std::string why;      // what in the schema makes PostgreSQL refuse it
  std::string message;  // PostgreSQL's
  std::string help;
};

// A DEFAULT partition of a hash-partitioned table, a bound of another strategy than the table's,
// a hash bound whose MODULUS is not positive or whose REMAINDER is not below it, a range bound
// with another number of values than the table's key has columns.
std::optional<BoundRefusal> bound_form(const lint::FileContext& context,
                                       const lint::Statement& statement,
                                       const lint::RelationName& parent, const lint::Node& bound);

// A second DEFAULT partition; a hash bound whose modulus does not divide (or is not divisible by)
// an existing partition's, or whose remainders meet an existing partition's; a range bound whose
// lower end is not below its upper one, or that overlaps an existing partition's range; a list
// bound with a value an existing partition holds. Only bounds whose order is certain are compared:
// integers for integer keys, ISO dates and timestamps for date and timestamp keys, any literal for
// list equality.
std::optional<BoundRefusal> bound_conflict(const lint::FileContext& context,
                                           const lint::Statement& statement,
                                           const lint::RelationName& parent,
                                           const std::string& partition, const lint::Node& bound);

}  // namespace sqlgate::rules
