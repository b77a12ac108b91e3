// The storage parameters of a table (WITH (...), SET (...)) and the attribute options of a column
// (ALTER COLUMN ... SET (...)) that PostgreSQL 15 refuses: a parameter it does not know, one
// given twice, a value it cannot read as the parameter's type, or out of the parameter's bounds.
// Each fact was measured on PostgreSQL 15.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/sql.h"
#include "lint/tree.h"

namespace sqlgate::rules {

struct OptionRefusal {
  std::string why;      // what is wrong with the parameter
  std::string message;  // PostgreSQL's
  std::string help;
};

// Where the options are written: the parse tree leaves out integers that are 0 or negative.
struct Written {
  const lint::ParsedFile& file;
  const lint::Statement& statement;
};

enum class TableOptions : unsigned char {
  create,  // CREATE TABLE ... WITH (...): toast.* parameters are judged, oids = false is ignored
  alter,   // ALTER TABLE ... SET (...): toast.* ones only by their namespace (PostgreSQL judges
           // them only when the table has a TOAST table)
};

// The storage parameters of a table (or materialized view) that is not partitioned, checked in
// PostgreSQL's order: namespaces other than toast, WITH (oids = true), then each parameter as
// written, then each toast.* one.
std::optional<OptionRefusal> table_options(const lint::NodeList& options, TableOptions statement,
                                           const Written& written);

// The options of a view (CREATE VIEW ... WITH (...), ALTER VIEW ... SET (...)): check_option
// (local or cascaded), security_barrier and security_invoker (booleans), each once.
std::optional<OptionRefusal> view_options(const lint::NodeList& options, const Written& written);

// ALTER COLUMN ... SET (...): n_distinct and n_distinct_inherited only, each at least -1.
std::optional<OptionRefusal> attribute_options(const lint::NodeList& options,
                                               const Written& written);

// The storage parameters of an index of a built-in access method (btree, hash, gist, spgist, gin,
// brin) PostgreSQL 15 refuses: a namespace, one given twice, a value not of the parameter's type
// or out of its bounds. A parameter the method has not is not judged here.
std::optional<OptionRefusal> index_options(const std::vector<lint::Node>& options,
                                           std::string_view method, const Written& written);

}  // namespace sqlgate::rules
