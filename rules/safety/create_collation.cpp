// invalid-ddl: CREATE COLLATION that PostgreSQL 15 refuses from the statement alone. Its checks,
// in its order (DefineCollation): each attribute's name (from, locale, lc_collate, lc_ctype,
// provider, deterministic, version: case-sensitive, as written) and that none is given twice;
// FROM alone; LOCALE without LC_COLLATE or LC_CTYPE; DETERMINISTIC a Boolean (true, false, on,
// off in any case, 0, 1, or no value); the provider icu or libc (in any case; libc when left
// out); LC_COLLATE then LC_CTYPE given for libc (LOCALE gives both), LOCALE for icu; and
// DETERMINISTIC = false only with icu. Each message is PostgreSQL 15's. Whether the locale
// exists depends on the server, and is not judged.
#include "rules/safety/create_collation.h"

#include <optional>
#include <string>
#include <string_view>

#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/tree.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

struct Refused {
  std::string why;
  std::string message;  // PostgreSQL's
  std::string help;
  lint::Condition error;
  std::optional<std::uint32_t> location;  // of the attribute, when PostgreSQL points at it
};

constexpr lint::Condition k_syntax{"syntax_error", "42601"};
constexpr lint::Condition k_invalid_definition{"invalid_object_definition", "42P17"};

bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// An attribute's value as PostgreSQL reads it as a string (defGetString): a string, a word (a
// type name, dotted when qualified), a number; nothing for a value it reads otherwise.
std::optional<std::string> value_text(const Node& arg) {
  if (arg.is("String")) return std::string(arg.as_str());
  if (arg.is("Integer")) return std::to_string(arg.as_int());
  if (arg.is("Float")) return std::string(arg.str("fval"));
  if (arg.is("TypeName")) {
    std::string text;
    for (Node name : arg.list("names")) {
      if (!text.empty()) text += '.';
      text += name.as_str();
    }
    return text;
  }
  return std::nullopt;
}

// DETERMINISTIC's value as defGetBoolean reads it: none is true; an integer 0 or 1; a string or
// word true, false, on or off in any case. Nothing when PostgreSQL refuses it.
std::optional<bool> boolean_value(const Node& attribute) {
  Node arg = attribute.get("arg");
  if (!arg.valid()) return true;
  if (arg.is("Integer")) {
    std::int64_t value = arg.as_int();
    if (value == 0 || value == 1) return value == 1;
    return std::nullopt;
  }
  auto text = value_text(arg);
  if (!text) return std::nullopt;
  if (same_ignoring_case(*text, "true") || same_ignoring_case(*text, "on")) return true;
  if (same_ignoring_case(*text, "false") || same_ignoring_case(*text, "off")) return false;
  return std::nullopt;
}

std::optional<Refused> refused_collation(const Node& statement) {
  static constexpr std::string_view k_names[] = {
      "from", "locale", "lc_collate", "lc_ctype", "provider", "deterministic", "version"};
  Node given[std::size(k_names)];
  std::size_t count = 0;
  for (Node attribute : statement.list("definition")) {
    ++count;
    std::string_view name = attribute.str("defname");
    std::size_t i = 0;
    while (i < std::size(k_names) && k_names[i] != name) ++i;
    if (i == std::size(k_names)) {
      return Refused{"CREATE COLLATION has no attribute " + std::string(name) +
                         " (its names are lower-case: from, locale, lc_collate, lc_ctype, "
                         "provider, deterministic, version)",
                     "collation attribute \"" + std::string(name) + "\" not recognized",
                     "write one of from, locale, lc_collate, lc_ctype, provider, deterministic, "
                     "version",
                     k_syntax, attribute.location()};
    }
    if (given[i].valid()) {
      return Refused{"it gives attribute " + std::string(name) + " twice",
                     "conflicting or redundant options", "give " + std::string(name) + " once",
                     k_syntax, attribute.location()};
    }
    given[i] = attribute;
  }
  const Node& from = given[0];
  const Node& locale = given[1];
  const Node& lc_collate = given[2];
  const Node& lc_ctype = given[3];
  const Node& provider = given[4];
  const Node& deterministic = given[5];
  if (from.valid() && count > 1) {
    return Refused{"it gives FROM with other attributes", "conflicting or redundant options",
                   "copy an existing collation with CREATE COLLATION ... FROM alone, or give its "
                   "locale and provider instead of FROM",
                   k_syntax, std::nullopt};
  }
  if (from.valid()) return std::nullopt;
  if (locale.valid() && (lc_collate.valid() || lc_ctype.valid())) {
    return Refused{"it gives LOCALE with LC_COLLATE or LC_CTYPE",
                   "conflicting or redundant options",
                   "give LOCALE alone (it sets both), or LC_COLLATE and LC_CTYPE without it",
                   k_syntax, std::nullopt};
  }
  std::optional<bool> is_deterministic = true;
  if (deterministic.valid()) {
    is_deterministic = boolean_value(deterministic);
    if (!is_deterministic) {
      std::string written = value_text(deterministic.get("arg")).value_or("?");
      return Refused{"its DETERMINISTIC value " + written + " is not a Boolean",
                     "deterministic requires a Boolean value",
                     "write deterministic = true or deterministic = false", k_syntax, std::nullopt};
    }
  }
  bool icu = false;
  if (provider.valid()) {
    auto name = value_text(provider.get("arg"));
    if (!name) return std::nullopt;
    icu = same_ignoring_case(*name, "icu");
    if (!icu && !same_ignoring_case(*name, "libc")) {
      return Refused{"PostgreSQL has no collation provider " + *name,
                     "unrecognized collation provider: " + *name,
                     "write provider = icu or provider = libc (the default)", k_invalid_definition,
                     std::nullopt};
    }
  }
  if (!icu && !locale.valid() && (!lc_collate.valid() || !lc_ctype.valid())) {
    std::string missing = lc_collate.valid() ? "lc_ctype" : "lc_collate";
    return Refused{"the libc provider" + std::string(provider.valid() ? "" : " (the default)") +
                       " needs both LC_COLLATE and LC_CTYPE, and it gives no " + missing,
                   "parameter \"" + missing + "\" must be specified",
                   "give locale = '...' (it sets both), or lc_collate and lc_ctype",
                   k_invalid_definition, std::nullopt};
  }
  if (icu && !locale.valid()) {
    return Refused{"the icu provider needs LOCALE, and it gives none",
                   "parameter \"locale\" must be specified",
                   "give the ICU locale: locale = 'und-u-ks-level2', say", k_invalid_definition,
                   std::nullopt};
  }
  if (!icu && !*is_deterministic) {
    return Refused{"it is nondeterministic (deterministic = false) with the libc provider" +
                       std::string(provider.valid() ? "" : " (the default when none is given)") +
                       ", and only icu collations can be",
                   "nondeterministic collations not supported with this provider",
                   "use provider = icu with an ICU locale (locale = 'und-u-ks-level2' compares "
                   "case-insensitively), or leave deterministic out",
                   lint::condition::feature_not_supported, std::nullopt};
  }
  return std::nullopt;
}

}  // namespace

void check_create_collation(const lint::FileContext& context, const lint::Statement& statement,
                            lint::Reporter& out) {
  const Node& node = statement.node;
  if (!node.is("DefineStmt") || node.str("kind") != "OBJECT_COLLATION") return;
  auto refused = refused_collation(node);
  if (!refused || lint::conditional(statement, refused->error)) return;
  std::string name;
  for (Node part : node.list("defnames")) {
    if (!name.empty()) name += '.';
    name += lint::sql_identifier(part.as_str());
  }
  lint::TextRange range = statement.range;
  if (refused->location) range = lint::token_at(context.file, statement, *refused->location);
  out.report(range,
             "CREATE COLLATION " + name + " fails on every run: " + refused->why +
                 ", and PostgreSQL refuses it (\"" + refused->message + "\")",
             refused->help);
}

}  // namespace sqlgate::rules
