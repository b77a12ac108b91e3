// use-before-create: a statement of an up that uses an object (alters it, writes rows into it,
// indexes it, references it from a foreign key, a view or a trigger) that only a later
// statement or a later migration creates; a table no migration creates at all is a warning,
// since it may come from outside the migrations.
#include <set>

#include "rules/ordering/rules.h"
#include "rules/pairing/common.h"

namespace sqlgate::rules::ordering {
namespace {

using lint::ObjectId;
using pairing::describe;

// An embedded statement under an IF, or in a block that catches errors, runs only when its
// guard lets it: sqlgate cannot tell whether the object exists then.
bool guarded(const lint::Statement& statement) {
  for (const auto& frame : statement.frames) {
    if (frame.part == "then_body" || frame.part == "elsif" || frame.part == "else_body" ||
        frame.part == "exception") {
      return true;
    }
    if (frame.node.kind() == "PLpgSQL_stmt_block" && frame.node.has("exceptions")) return true;
  }
  return false;
}

bool outside(const lint::ObjectRef& ref) {
  // schema_migrations is the state table of the tool that runs the migrations.
  return ref.schema == "pg_catalog" || ref.schema == "information_schema" ||
         ref.schema == "pg_temp" || ref.name == "schema_migrations";
}

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::FileReplay& replay = catalog.replay(i);
    if (!replay.replayed || replay.direction != lint::Direction::up) continue;
    const lint::ParsedFile& file = *project.parsed(i);
    std::set<std::pair<std::size_t, std::string>> reported;
    for (const auto& step : replay.steps) {
      const lint::Statement& statement = *file.all_statements()[step.statement];
      if (guarded(statement)) continue;
      std::vector<lint::ObjectRef> refs = step.missing;
      const lint::Effect& effect = step.effect;
      if (step.object == lint::k_no_object && effect.action != lint::Action::create &&
          !(effect.action == lint::Action::drop && effect.if_exists) &&
          !(effect.action == lint::Action::alter && effect.if_exists) &&
          !(effect.action == lint::Action::rename && effect.if_exists)) {
        refs.push_back(effect.object);
      }
      for (const auto& ref : refs) {
        if (outside(ref)) continue;
        if (!reported.insert({step.statement, ref.key()}).second) continue;
        lint::TextRange range = statement.range;
        ObjectId later = catalog.created_after(ref, step.tick);
        if (later != lint::k_no_object) {
          const lint::CatalogObject& object = catalog.object(later);
          const lint::ParsedFile* creator = project.parsed(object.created.file);
          bool same = object.created.file == i;
          auto builder = out.report(
              file, range,
              "this uses " + describe(ref) + " before it is created (" +
                  (same ? std::string("later in this migration")
                        : "by a later migration, " + project.source(object.created.file).display) +
                  "): PostgreSQL fails here",
              "create " + describe(ref) +
                  " before this statement, or move this statement after its creation");
          if (creator != nullptr) {
            builder.related(*creator, pairing::statement_range(*creator, object.created.statement),
                            "created here");
          }
          continue;
        }
        bool table = ref.kind == lint::ObjectKind::table;
        if (!table || catalog.known(ref)) continue;
        // Once per file is enough for a table that comes from outside.
        if (!reported.insert({static_cast<std::size_t>(-1), ref.key()}).second) continue;
        out.report(file, range,
                   "no migration creates " + describe(ref) + " before this statement uses it",
                   "if it comes from outside the migrations (another tool, an extension), "
                   "ignore this; otherwise create it in an earlier migration")
            .at_most(lint::Severity::warning);
      }
    }
  }
}

}  // namespace

lint::Rule use_before_create() {
  return {.info = {.id = "use-before-create",
                   .category = lint::Category::ordering,
                   .severity = lint::Severity::error,
                   .summary = "An up uses an object that is created only later"},
          .check_set = check};
}

}  // namespace sqlgate::rules::ordering
