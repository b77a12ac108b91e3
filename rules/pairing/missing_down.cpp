// missing-down: an up without a down, or with a down that holds no statement, when the up does
// something; and a down whose irreversible line sqlgate generated and nobody has confirmed. A
// deliberately irreversible migration says so in its down. The fix generates the down.
#include <algorithm>
#include <filesystem>
#include <optional>

#include "rules/pairing/common.h"
#include "rules/pairing/down_generator.h"
#include "rules/pairing/rules.h"

namespace sqlgate::rules::pairing {
namespace {

// The down generated from the up, when the up parsed and was replayed.
std::optional<GeneratedDown> generated(const lint::Project& project, std::size_t up) {
  const lint::Catalog* catalog = project.catalog();
  const lint::ParsedFile* file = project.parsed(up);
  if (catalog == nullptr || file == nullptr || file->error() || !catalog->replay(up).replayed) {
    return std::nullopt;
  }
  return generate_down(project, up);
}

std::string fix_title(const GeneratedDown& down) {
  std::string title = "Generate the down from the up";
  if (!down.todo.empty()) {
    title += " (" + std::to_string(down.todo.size()) + " irreversible change" +
             (down.todo.size() == 1 ? "" : "s") + " left to confirm)";
  }
  return title;
}

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::MigrationSet& set = project.set();
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::SourceFile& source = project.source(i);
    if (!source.migration) continue;
    if (source.migration->direction == lint::Direction::down) {
      const lint::ParsedFile* down = project.parsed(i);
      if (down == nullptr) continue;
      for (const auto& directive : down->directives()) {
        if (!unconfirmed(directive)) continue;
        out.report(*down, directive.range,
                   "version " + source.migration->version.raw() +
                       " is marked irreversible by a generated line nobody has confirmed: " +
                       directive.reason.substr(
                           std::min(directive.reason.size(), k_unconfirmed.size() + 1)),
                   "write the statements that undo it and delete this line, or replace `" +
                       std::string(k_unconfirmed) +
                       " ...` with the reason this migration cannot be rolled back");
      }
      continue;
    }
    const lint::ParsedFile* up = project.parsed(i);
    if (up == nullptr || (!up->error() && up->statements().empty())) continue;
    const std::string expected = down_name(source.path.filename().string());
    const lint::SourceFile* partner = set.partner(source);
    if (partner == nullptr) {
      auto builder =
          out.report(*up, lint::TextRange{0, 0},
                     "version " + source.migration->version.raw() +
                         " has no down migration: it cannot be rolled back",
                     "add " + expected +
                         " that reverses this up, or one that says `-- sqlgate:irreversible "
                         "<reason>` when it cannot be reversed (`sqlgate create-down " +
                         source.migration->version.raw() + "` or `sqlgate lint --fix` writes it)");
      if (auto down = generated(project, i)) {
        std::string path =
            (std::filesystem::path(source.display).parent_path() / expected).generic_string();
        builder.fix(fix_title(*down), {lint::Edit{lint::TextRange{0, 0}, down->text}},
                    !down->deletes_rows, path);
      }
      continue;
    }
    const lint::ParsedFile* down = project.partner(i);
    if (down == nullptr || down->error() || !down->statements().empty() || irreversible(*down)) {
      continue;
    }
    auto builder =
        out.report(*down, lint::TextRange{0, 0},
                   "this down holds no statement, but its up does: rolling back version " +
                       source.migration->version.raw() + " reverses nothing",
                   "write the statements that reverse the up, or say `-- sqlgate:irreversible "
                   "<reason>` when it cannot be reversed")
            .related(*up, anchor(*up), "the up it should reverse");
    if (auto generated_down = generated(project, i)) {
      // Comments only: keep them, and add the generated statements after them.
      auto size = static_cast<std::uint32_t>(down->text().size());
      bool blank = down->text().find_first_not_of(" \t\r\n") == std::string_view::npos;
      lint::Edit edit{lint::TextRange{blank ? 0 : size, size}, generated_down->text};
      if (!blank) {
        edit.text = down->text().back() == '\n' ? "\n" : "\n\n";
        if (generated_down->no_transaction) edit.text += "-- sqlgate:no-transaction\n";
        edit.text += generated_down->body;
      }
      builder.fix(fix_title(*generated_down), {edit}, !generated_down->deletes_rows);
    }
  }
}

}  // namespace

lint::Rule missing_down() {
  return {.info = {.id = "missing-down",
                   .category = lint::Category::pairing,
                   .severity = lint::Severity::error,
                   .summary = "An up migration has no down, or an empty one",
                   .fix = lint::FixKind::safe},
          .check_set = check};
}

}  // namespace sqlgate::rules::pairing
