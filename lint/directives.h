// sqlgate's own directives, written in SQL comments:
//   -- sqlgate:ignore rule-a, rule-b [-- reason]   findings on this line or in the next statement
//   -- sqlgate:ignore-file [rules] [-- reason]     findings anywhere in the file
//   -- sqlgate:run-once <reason>                   the next statement is deliberately run-once
//   -- sqlgate:run-once-file <reason>              the whole file is deliberately run-once
//   -- sqlgate:irreversible <reason>               (in a down) the migration cannot be reversed
//   -- sqlgate:no-transaction                      the file must run outside a transaction
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.h"

namespace sqlgate::lint {

enum class DirectiveKind : std::uint8_t {
  ignore,
  ignore_file,
  run_once,
  run_once_file,
  irreversible,
  no_transaction,
  unknown,
};

struct Directive {
  DirectiveKind kind = DirectiveKind::unknown;
  std::string name;  // as written after "sqlgate:"
  struct RuleName {
    std::string id;
    TextRange range;
  };
  std::vector<RuleName> rules;  // ignore and ignore-file
  std::string reason;           // the text after "--" (ignore) or after the name (the others)
  TextRange range;              // the whole comment
  std::uint32_t line = 0;       // line of the comment
  bool trailing = false;        // code stands before it on its line
  // The statement it applies to (ignore, run-once): the first statement, top-level or inside
  // a DO block, that starts after it; -1 when none. Index into ParsedFile::all_statements().
  std::ptrdiff_t statement = -1;
};

// Parses one comment's text (with its -- or /* */ markers) starting at byte offset `at` of
// the file. Returns nothing when the comment is not a directive ("sqlgate:" must open it).
std::optional<Directive> parse_directive(std::string_view comment, std::uint32_t at);

std::string_view directive_name(DirectiveKind kind);

}  // namespace sqlgate::lint
