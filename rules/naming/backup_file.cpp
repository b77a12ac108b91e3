// backup-file: an editor or backup copy of a migration (`1_a.up.sql.bak`, `1_a.up.sql~`,
// `.orig`) that golang-migrate's loader takes as a migration of the same version.
#include "rules/naming/rules.h"

namespace sqlgate::rules::naming {

bool backup_extension(std::string_view extension) {
  std::string ext = lower_ascii(extension);
  if (ext == "sql") return false;
  if (ext.rfind("sql", 0) == 0 && ext.size() > 3) return true;  // sql.bak, sql~, sql.orig
  if (!ext.empty() && ext.back() == '~') return true;
  for (std::string_view known : {"bak", "orig", "old", "swp", "tmp", "save", "backup", "rej"}) {
    if (ext == known) return true;
  }
  return false;
}

namespace {

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::MigrationSet& set = project.set();
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::SourceFile& file = project.source(i);
    if (file.migration) continue;
    std::string name = file.path.filename().string();
    auto parsed = lint::parse_migration_name(name);
    if (!parsed || !backup_extension(parsed->extension)) continue;
    const lint::SourceFile* original = nullptr;
    for (const auto& other : set.files) {
      if (other.migration && other.migration->version == parsed->version &&
          other.migration->direction == parsed->direction) {
        original = &other;
      }
    }
    std::string direction(lint::to_string(parsed->direction));
    std::string message = original != nullptr
                              ? "golang-migrate loads this backup as a second " + direction +
                                    " of version " + parsed->version.raw() + " beside " +
                                    original->path.filename().string() +
                                    ": it refuses to load the folder (duplicate migration)"
                              : "golang-migrate runs this backup as the " + direction +
                                    " of version " + parsed->version.raw();
    auto builder = out.report(file, lint::TextRange{0, 0}, message,
                              "delete it, or move it out of the migrations folder");
    if (original != nullptr) builder.related(*original, lint::TextRange{0, 0}, "the migration");
  }
}

}  // namespace

lint::Rule backup_file() {
  return {.info = {.id = "backup-file",
                   .category = lint::Category::naming,
                   .severity = lint::Severity::error,
                   .summary = "A backup or editor copy of a migration that golang-migrate loads"},
          .check_set = check};
}

}  // namespace sqlgate::rules::naming
