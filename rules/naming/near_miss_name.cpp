// near-miss-name: a .sql file that golang-migrate's loader silently ignores although it looks
// meant as a migration: `1_a.UP.sql`, `1-a.up.sql`, `1_a.sql` (no direction), or a bare `.sql`;
// and a migration name with another extension (`1_a.up.txt`), which golang-migrate runs but
// sqlgate neither checks nor runs.
#include <filesystem>

#include "rules/naming/rules.h"

namespace sqlgate::rules::naming {
namespace {

bool separator(char c) {
  return c == '_' || c == '-' || c == '.' || c == ' ';
}

struct Diagnosis {
  std::string why;
  std::string suggestion;  // the name golang-migrate would take, when it can be guessed
  bool versioned = false;
};

Diagnosis diagnose(std::string_view name) {
  Diagnosis result;
  std::string low = lower_ascii(name);
  std::size_t digits = 0;
  while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') ++digits;
  result.versioned = digits > 0;
  // Where the direction is, written in any case and after any separator.
  std::string direction;
  std::size_t direction_at = std::string::npos;
  std::string_view stem = std::string_view(name).substr(0, name.size() - 4);  // without .sql
  std::string low_stem = low.substr(0, low.size() - 4);
  for (std::string_view word : {"down", "up"}) {
    if (low_stem.size() >= word.size() &&
        low_stem.compare(low_stem.size() - word.size(), word.size(), word) == 0) {
      std::size_t at = low_stem.size() - word.size();
      if (at == 0 || separator(low_stem[at - 1])) {
        direction = std::string(word);
        direction_at = at;
      }
    }
  }
  if (name.substr(name.size() - 4) != ".sql") {
    result.why = "the extension must be lower-case .sql";
  } else if (!result.versioned) {
    result.why = "it does not start with a version number";
  } else if (digits >= name.size() || name[digits] != '_') {
    result.why = "the version must be followed by '_'";
  } else if (direction.empty()) {
    result.why = "it names no direction (.up.sql or .down.sql)";
  } else {
    result.why = "the direction must be written '." + direction + ".sql', in lower case";
  }
  if (result.versioned) {
    std::size_t start = digits;
    while (start < stem.size() && separator(stem[start])) ++start;
    std::size_t end = direction_at == std::string::npos ? stem.size() : direction_at;
    while (end > start && separator(stem[end - 1])) --end;
    std::string label(stem.substr(start, end > start ? end - start : 0));
    if (label.empty()) label = "name";
    std::string version(name.substr(0, digits));
    if (direction.empty()) {
      result.suggestion = version + "_" + label + ".up.sql (and its .down.sql)";
    } else {
      result.suggestion = version + "_" + label + "." + direction + ".sql";
    }
  }
  return result;
}

void check(const lint::Project& project, lint::Reporter& out) {
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::SourceFile& file = project.source(i);
    if (file.migration) continue;
    std::string name = file.path.filename().string();
    bool sql = name.size() > 4 && lower_ascii(name.substr(name.size() - 4)) == ".sql";
    auto parsed = lint::parse_migration_name(name);
    // Any extension will do for golang-migrate's loader (a backup's is backup-file's).
    if (!sql && (!parsed || backup_extension(parsed->extension))) continue;
    if (parsed) {
      // golang-migrate loads it (the extension is not "sql" to the letter, say .SQL).
      out.report(file, lint::TextRange{0, 0},
                 "golang-migrate runs this file as the " +
                     std::string(lint::to_string(parsed->direction)) + " of version " +
                     parsed->version.raw() +
                     ", but its extension is not '.sql': sqlgate does not check it as a migration",
                 "rename it to " + parsed->version.raw() + "_" + parsed->name + "." +
                     std::string(lint::to_string(parsed->direction)) + ".sql");
      continue;
    }
    Diagnosis diagnosis = diagnose(name);
    if (!diagnosis.versioned) {
      std::string folder = file.path.parent_path().filename().string();
      std::string low = lower_ascii(name);
      std::size_t prefix = 0;
      while (prefix < name.size() && ((name[prefix] >= 'A' && name[prefix] <= 'Z') ||
                                      (name[prefix] >= 'a' && name[prefix] <= 'z'))) {
        ++prefix;
      }
      if ((low == "up.sql" || low == "down.sql") && !folder.empty() && folder[0] >= '0' &&
          folder[0] <= '9') {
        // One folder per migration (Diesel's layout): the version and name are the folder's.
        std::string version;
        std::size_t i = 0;
        for (; i < folder.size() && ((folder[i] >= '0' && folder[i] <= '9') || folder[i] == '-');
             ++i) {
          if (folder[i] != '-') version += folder[i];
        }
        std::string label = i < folder.size() ? folder.substr(i + 1) : std::string("name");
        diagnosis.suggestion = version + "_" + label + "." + low.substr(0, low.size() - 4) +
                               ".sql, beside the other migrations";
      } else if (prefix > 0 && prefix < name.size() && name[prefix] >= '0' && name[prefix] <= '9') {
        // A letter before the version (Flyway's V0001__name.sql, V0001.Name.up.sql).
        diagnosis.suggestion = diagnose(name.substr(prefix)).suggestion;
      }
    }
    auto builder = out.report(
        file, lint::TextRange{0, 0},
        "golang-migrate ignores this file without a word: " + diagnosis.why,
        diagnosis.suggestion.empty()
            ? "migrations are named <version>_<name>.up.sql and <version>_<name>.down.sql; "
              "move other SQL out of the migrations folder"
            : "rename it to " + diagnosis.suggestion);
    if (!diagnosis.versioned) builder.at_most(lint::Severity::warning);
  }
}

}  // namespace

lint::Rule near_miss_name() {
  return {.info = {.id = "near-miss-name",
                   .category = lint::Category::naming,
                   .severity = lint::Severity::error,
                   .summary = "A .sql file that golang-migrate silently ignores"},
          .check_set = check};
}

}  // namespace sqlgate::rules::naming
