// The bounds PostgreSQL holds a sequence's options to (init_params in sequence.c), shared by the
// checks of CREATE / ALTER SEQUENCE (invalid-ddl) and of an identity column's options
// (invalid-identity): INCREMENT not zero, MAXVALUE and MINVALUE in the range of the sequence's
// type, MINVALUE below MAXVALUE, START and RESTART between them, CACHE above zero, checked in
// PostgreSQL's order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lint/rule.h"
#include "lint/tree.h"
#include "rules/pairing/sequences.h"

namespace sqlgate::rules {

// The bounds of a sequence's type ("int2", "int4", "int8"), and its name as PostgreSQL writes it.
struct SequenceType {
  std::int64_t min;
  std::int64_t max;
  std::string_view name;
};
SequenceType sequence_type(const std::string& type);

// Why PostgreSQL refuses the options.
struct SequenceBoundsRefusal {
  std::string why;      // what the sequence would have
  std::string message;  // PostgreSQL's
  std::string help;
};

// The first option PostgreSQL refuses of a sequence left with the options `s` by a statement that
// wrote `written` (its DefElems: INCREMENT BY 0 and CACHE 0 are read from them, as the state keeps
// neither; RESTART too, when `restart` says the statement may restart it, as ALTER SEQUENCE and
// ALTER COLUMN ... RESTART may). `sequence` names it in the why ("sequence s (made by ...)").
std::optional<SequenceBoundsRefusal> sequence_bounds_refusal(
    const pairing::SequenceOptions& s, const lint::NodeList& written, const lint::ParsedFile& file,
    const lint::Statement& statement, const std::string& sequence, bool restart);

}  // namespace sqlgate::rules
