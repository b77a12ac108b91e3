// The bound of a new partition (CREATE TABLE ... PARTITION OF, ALTER TABLE ... ATTACH PARTITION)
// against its partitioned table and the partitions it has, as the migrations before made them:
// what invalid-ddl reports of partition bounds. PostgreSQL judges a bound in two stages: against
// the table's partition strategy when it reads the statement (bound_form), and against the other
// partitions once the new one's columns passed.
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

}  // namespace sqlgate::rules
