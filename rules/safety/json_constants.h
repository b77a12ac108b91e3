// String constants PostgreSQL reads as json or jsonb when it parses a statement, before any row:
// a constant cast to json or jsonb ('{a'::jsonb, CAST('dark' AS json), jsonb '[1,]'), and the
// constant arguments of jsonb_set(), jsonb_set_lax() and jsonb_insert() (a jsonb value and a
// text[] path). One that is not valid there fails the statement on every run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "lint/tree.h"

namespace sqlgate::rules {

struct MalformedConstant {
  std::optional<std::uint32_t> location;  // of the constant
  std::string what;                       // "'dark' as jsonb", for the message
  std::string message;                    // PostgreSQL's
  std::string help;
};

// The first such constant of the statement (or expression) that PostgreSQL refuses.
std::optional<MalformedConstant> malformed_json_constant(const lint::Node& node);

// Whether PostgreSQL 15's json parser accepts the text: RFC 8259 JSON, with space, tab, newline
// and carriage return as white space. \u escapes are taken as valid (jsonb refuses \u0000 and
// unpaired surrogates: not judged).
bool valid_json(std::string_view text);

}  // namespace sqlgate::rules
