#include "runner/database.h"

namespace sqlgate::runner {

std::string quote_identifier(std::string_view name) {
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string quote_literal(std::string_view text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') quoted += '\'';
    quoted += c;
  }
  return quoted + '\'';
}

std::string StateTable::qualified() const {
  return quote_identifier(schema) + "." + quote_identifier(table);
}

std::string StateTable::history_qualified() const {
  return quote_identifier(schema) + "." + quote_identifier(k_history_table);
}

std::string StateTable::display() const {
  return schema + "." + table;
}

std::string_view to_string(RunMode mode) {
  switch (mode) {
    case RunMode::transaction:
      return "transaction";
    case RunMode::no_transaction:
      return "no-transaction";
    case RunMode::own_transaction:
      return "own-transaction";
  }
  return "transaction";
}

}  // namespace sqlgate::runner
