// Findings: what a rule reports, where, and how it could be fixed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sqlgate::lint {

enum class Severity : std::uint8_t { info = 0, warning = 1, error = 2 };

enum class Category : std::uint8_t {
  idempotency,
  pairing,
  ordering,
  naming,
  safety,
  transaction,
  syntax,
  meta,
};

std::string_view to_string(Severity severity);
std::string_view to_string(Category category);
std::optional<Severity> parse_severity(std::string_view text);
std::optional<Category> parse_category(std::string_view text);
// Every category, in the order they are documented.
const std::vector<Category>& all_categories();

// A half-open byte range [begin, end) into a file's text.
struct TextRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  bool operator==(const TextRange&) const = default;
};

// 1-based line and column; columns count Unicode code points, as PostgreSQL's positions do.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  auto operator<=>(const Position&) const = default;
};

struct Edit {
  TextRange range;  // replaced by text; an empty range inserts
  std::string text;

  bool operator==(const Edit&) const = default;
};

struct Fix {
  std::string title;
  bool safe = true;  // false: changes behaviour, applied only with --unsafe-fixes
  std::vector<Edit> edits;
  // The file the edits apply to, as reports name files: empty for the finding's own file. A
  // file that does not exist yet is created (its edits insert at offset 0).
  std::string file;
};

// Another place that takes part in a finding (the statement that created an object, say).
struct Related {
  std::string file;
  TextRange range;
  Position start;
  std::string message;
};

struct Diagnostic {
  std::string file;
  TextRange range;
  Position start;
  Position end;
  std::string rule;
  Category category = Category::syntax;
  Severity severity = Severity::error;
  std::string message;
  std::string help;
  std::vector<Related> related;
  std::optional<Fix> fix;
};

// Orders by file, then position, then rule id: the order every report prints.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

}  // namespace sqlgate::lint
