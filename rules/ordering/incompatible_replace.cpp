// incompatible-replace: CREATE OR REPLACE VIEW, FUNCTION, PROCEDURE, AGGREGATE or TRIGGER over an
// existing object that PostgreSQL refuses to replace: one of another kind (a constraint trigger
// for a trigger), a view that loses columns, renames one or changes a known type, a function whose
// result type, OUT row type or input parameter names change, or that loses parameter defaults.
// The existing definition is the one the catalog replay gives at that point (for a down: right
// after its up), so a down restoring an older view over the up's wider one is caught. A view's
// columns have the names RENAME COLUMN gave them since.
#include <algorithm>
#include <optional>
#include <vector>

#include "lint/objects.h"
#include "lint/pg_facts.h"
#include "rules/ordering/relations.h"
#include "rules/ordering/rules.h"
#include "rules/ordering/view_types.h"
#include "rules/pairing/common.h"

namespace sqlgate::rules::ordering {
namespace {

using lint::Node;
using lint::NodeList;
using pairing::describe;

// The name PostgreSQL gives a view column written without an alias (FigureColname), when it
// can be told from the expression alone.
std::optional<std::string> figured_name(const Node& value) {
  if (value.is("ColumnRef")) {
    NodeList fields = value.list("fields");
    if (fields.empty() || fields.back().is("A_Star")) return std::nullopt;
    return lint::truncate_identifier(fields.back().as_str());
  }
  if (value.is("FuncCall")) {
    NodeList names = value.list("funcname");
    if (names.empty()) return std::nullopt;
    return lint::truncate_identifier(names.back().as_str());
  }
  if (value.is("TypeCast")) return figured_name(value.get("arg"));
  if (value.is("CaseExpr")) return "case";
  if (value.is("CoalesceExpr")) return "coalesce";
  if (value.is("A_ArrayExpr")) return "array";
  return std::nullopt;
}

// A view's columns in order, each name when known; nullopt when their number is not known
// (SELECT *, VALUES).
std::optional<std::vector<std::optional<std::string>>> view_columns(const Node& view) {
  Node query = view.get("query");
  while (query.is("SelectStmt") && query.str("op") != "" && query.str("op") != "SETOP_NONE") {
    query = query.get("larg");
  }
  if (!query.is("SelectStmt") || query.has("valuesLists")) return std::nullopt;
  std::vector<std::optional<std::string>> columns;
  for (Node target : query.list("targetList")) {
    Node value = target.get("val");
    if (value.is("ColumnRef") && !value.list("fields").empty() &&
        value.list("fields").back().is("A_Star")) {
      return std::nullopt;
    }
    if (target.has("name")) {
      columns.emplace_back(lint::truncate_identifier(target.str("name")));
    } else {
      columns.push_back(figured_name(value));
    }
  }
  NodeList aliases = view.list("aliases");
  for (std::size_t i = 0; i < aliases.size() && i < columns.size(); ++i) {
    columns[i] = lint::truncate_identifier(aliases[i].as_str());
  }
  return columns;
}

// A function's result as PostgreSQL compares it on replace: the return type, or the types of
// its OUT / INOUT / TABLE parameters; "setof " first for a set (RETURNS TABLE (x bigint) is
// RETURNS SETOF bigint). nullopt when a type is written as %TYPE or not at all.
std::optional<std::string> result_type(const Node& function) {
  std::vector<std::string> outputs;
  bool table = false;
  for (Node parameter : function.list("parameters")) {
    if (parameter.str("mode") == "FUNC_PARAM_TABLE") table = true;
    if (lint::output_parameter(parameter)) {
      Node type = parameter.get("argType");
      if (!type.valid() || type.flag("pct_type")) return std::nullopt;
      outputs.push_back(lint::canonical_type(type));
    }
  }
  Node returns = function.get("returnType");
  std::string result = returns.flag("setof") || table ? "setof " : "";
  if (outputs.size() == 1) return result + outputs.front();
  if (outputs.size() > 1) {
    result += "record(";
    for (std::size_t i = 0; i < outputs.size(); ++i) result += (i ? "," : "") + outputs[i];
    return result + ")";
  }
  if (!returns.valid() || returns.flag("pct_type")) return std::nullopt;
  return lint::canonical_type(returns);  // "setof " first for a set
}

struct Refusal {
  std::string message;
  std::string help;
};

// The row type a routine's OUT, INOUT and TABLE parameters define, as PostgreSQL compares it on
// replace: each column's name (an unnamed one is "columnN", N its place among them) and type
// (without modifiers, which PostgreSQL does not keep). nullopt when a function has fewer than
// two (it returns that type, or its return type, then: result_type() compares it), or a type is
// written as %TYPE; a procedure's is empty when it has none.
using RowType = std::vector<std::pair<std::string, std::string>>;
std::optional<RowType> out_row_type(const Node& routine, bool procedure) {
  RowType row;
  for (Node parameter : routine.list("parameters")) {
    if (!lint::output_parameter(parameter)) continue;
    Node type = parameter.get("argType");
    if (!type.valid() || type.flag("pct_type")) return std::nullopt;
    std::string name = lint::truncate_identifier(parameter.str("name"));
    if (name.empty()) name = "column" + std::to_string(row.size() + 1);
    row.emplace_back(std::move(name), lint::canonical_type(type));
  }
  if (!procedure && row.size() < 2) return std::nullopt;
  return row;
}

// PostgreSQL refuses a replacement whose OUT parameters define another row type: a column
// renamed (a RETURNS TABLE column too), retyped, added or dropped; for a procedure, even a single
// OUT parameter, and gaining or losing its OUT parameters.
std::optional<Refusal> out_row_refusal(const Node& before, const Node& after, bool procedure,
                                       const std::string& name, const std::string& help) {
  auto old_row = out_row_type(before, procedure);
  auto new_row = out_row_type(after, procedure);
  if (!old_row || !new_row || *old_row == *new_row) return std::nullopt;
  std::string statement =
      procedure ? "CREATE OR REPLACE PROCEDURE " : "CREATE OR REPLACE FUNCTION ";
  if (procedure && old_row->empty() != new_row->empty()) {
    return Refusal{statement + (old_row->empty() ? "gives " : "takes away ") + name +
                       " OUT parameters: PostgreSQL refuses it (\"cannot change whether a "
                       "procedure has output parameters\")",
                   help};
  }
  auto describe_row = [](const RowType& row) {
    std::string text = "(";
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) text += ", ";
      text += row[i].first;
      text += ' ';
      text += row[i].second;
    }
    return text + ")";
  };
  std::string message = statement + "changes the row type the OUT parameters of " + name +
                        " define, from " + describe_row(*old_row) + " to " + describe_row(*new_row);
  message +=
      ": PostgreSQL refuses it (\"cannot change return type of existing function\": the row "
      "type defined by OUT parameters is different)";
  return Refusal{std::move(message), help};
}

// The names of a function's input parameters, in order ("" for an unnamed one).
std::vector<std::string> input_names(const Node& function) {
  std::vector<std::string> names;
  for (Node parameter : function.list("parameters")) {
    if (!lint::input_parameter(parameter)) continue;
    names.push_back(lint::truncate_identifier(parameter.str("name")));
  }
  return names;
}

// How many input parameters have a DEFAULT.
std::size_t input_defaults(const Node& function) {
  std::size_t defaults = 0;
  for (Node parameter : function.list("parameters")) {
    if (!lint::input_parameter(parameter)) continue;
    if (parameter.has("defexpr")) ++defaults;
  }
  return defaults;
}

// Whether the statement of a change of the object leaves a view's columns and a routine's
// signature as they are: COMMENT ON, GRANT, REVOKE, OWNER TO, ALTER VIEW ... SET (...), ALTER
// FUNCTION ... SET ... (besides those, ALTER VIEW changes the view as a whole: Change::none).
bool keeps_definition(const lint::Catalog& catalog, lint::ObjectId id, const lint::Origin& origin) {
  bool setting = false;
  for (const lint::CatalogStep& step : catalog.steps_at(origin.file, origin.statement)) {
    if (step.object != id) continue;
    lint::Change change =
        step.effect.action == lint::Action::alter ? step.effect.change : lint::Change::other;
    if (lint::is_setting(change) || change == lint::Change::grant ||
        change == lint::Change::revoke) {
      setting = true;
    } else if (change != lint::Change::none) {
      return false;
    }
  }
  return setting;
}

// The statement that last defined the object before `tick` (its CREATE, or a CREATE OR REPLACE
// since), and where it is; nullopt when something else changed the object after it (ALTER VIEW
// ... RENAME TO, say): what it is then is not known here. A comment, privileges, owner or options
// change nothing of that.
std::optional<std::pair<const lint::Statement*, lint::Origin>> definition_before(
    const lint::Project& project, const lint::Catalog& catalog, lint::ObjectId id, lint::Tick tick,
    std::string_view kind) {
  const lint::CatalogObject& object = catalog.object(id);
  std::optional<std::pair<const lint::Statement*, lint::Origin>> found;
  auto consider = [&](const lint::Origin& origin) {
    if (origin.tick >= tick) return;
    const lint::Statement* statement = lint::statement_at(project, origin);
    if (statement == nullptr) return;
    if (statement->kind() == kind) {
      found = std::make_pair(statement, origin);
    } else if (!keeps_definition(catalog, id, origin)) {
      found.reset();
    }
  };
  consider(object.created);
  if (!found) return std::nullopt;
  for (const lint::Origin& origin : object.changed) consider(origin);
  return found;
}

using Columns = std::vector<std::optional<std::string>>;

// A RENAME COLUMN (ALTER VIEW or ALTER TABLE) and the file it is in.
struct ColumnRename {
  std::size_t file = 0;
  const lint::CatalogStep* step = nullptr;
};

// The RENAME COLUMN steps of every up, in replay order. A view's columns are no objects of the
// replay: each step names its view (or table) by name, looked up when it is applied.
std::vector<ColumnRename> column_renames(const lint::Project& project,
                                         const lint::Catalog& catalog) {
  std::vector<ColumnRename> renames;
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::FileReplay& replay = catalog.replay(i);
    if (!replay.replayed || replay.direction != lint::Direction::up) continue;
    for (const auto& step : replay.steps) {
      if (step.effect.action == lint::Action::rename &&
          step.effect.object.kind == lint::ObjectKind::column) {
        renames.push_back({i, &step});
      }
    }
  }
  std::stable_sort(renames.begin(), renames.end(),
                   [](const auto& a, const auto& b) { return a.step->tick < b.step->tick; });
  return renames;
}

// Applies a RENAME COLUMN step to the view's columns when it renames a column of `view`; the
// position it renamed, or nullopt.
std::optional<std::size_t> apply_rename(const lint::Catalog& catalog, const lint::CatalogStep& step,
                                        lint::ObjectId view, Columns& columns) {
  const lint::Effect& effect = step.effect;
  if (relation_named(catalog, effect.object.schema, effect.object.parent, effect.schema_given,
                     effect.search_path, step.tick) != view) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] && *columns[i] == effect.object.name) {
      columns[i] = effect.new_name;
      return i;
    }
  }
  return std::nullopt;
}

struct ViewRefusal {
  Refusal refusal;
  std::optional<std::size_t> column;  // the position whose name differs
};

using Types = std::vector<std::optional<lint::ColumnType>>;

// The first column whose type PostgreSQL would change, both types known for certain.
std::optional<ViewRefusal> type_refusal(const Columns& columns, const Types& old_types,
                                        const Types& new_types, const std::string& name,
                                        const std::string& help) {
  for (std::size_t i = 0; i < old_types.size() && i < new_types.size(); ++i) {
    const auto& was = old_types[i];
    const auto& is = new_types[i];
    if (!was || !is || types_differ(*was, *is) != true) continue;
    std::string column = i < columns.size() && columns[i] ? *columns[i] : std::to_string(i + 1);
    std::string message = "CREATE OR REPLACE VIEW changes the type of column " + column + " of " +
                          name + " from " + was->display() + " to " + is->display();
    message += ": PostgreSQL refuses it (\"cannot change data type of view column\")";
    return ViewRefusal{{std::move(message), help}, std::nullopt};
  }
  return std::nullopt;
}

// `old_columns`: the view's columns as they are now (its definition, then the renames since);
// `old_types`, `new_types`: their types where known.
std::optional<ViewRefusal> view_refusal(const Columns& old_columns, const Types& old_types,
                                        const Node& after, const Types& new_types,
                                        const lint::ObjectRef& view) {
  auto new_columns = view_columns(after);
  if (!new_columns) return std::nullopt;
  std::string name = describe(view);
  std::string help =
      "keep the existing columns first, with their names and in their order, and add new ones "
      "after them; or DROP VIEW " +
      pairing::quote_identifier(view.name) + " first (and create again what depends on it)";
  if (new_columns->size() < old_columns.size()) {
    return ViewRefusal{
        {"CREATE OR REPLACE VIEW gives " + name + " " + std::to_string(new_columns->size()) +
             " columns where it has " + std::to_string(old_columns.size()) +
             ": PostgreSQL refuses it (\"cannot drop columns from view\")",
         help},
        std::nullopt};
  }
  for (std::size_t i = 0; i < old_columns.size(); ++i) {
    const auto& was = old_columns[i];
    const auto& is = (*new_columns)[i];
    if (was && is && *was != *is) {
      return ViewRefusal{
          {"CREATE OR REPLACE VIEW puts column " + *is + " where " + name + " has " + *was +
               ": PostgreSQL refuses it (\"cannot change name of view column\")",
           help},
          i};
    }
  }
  std::string types_help = "cast the new column to the type it has, or DROP VIEW " +
                           pairing::quote_identifier(view.name) +
                           " first (and create again what depends on it)";
  return type_refusal(old_columns, old_types, new_types, name, types_help);
}

std::optional<Refusal> function_refusal(const Node& before, const Node& after,
                                        const lint::ObjectRef& function) {
  std::string name = describe(function);
  bool procedure = function.kind == lint::ObjectKind::procedure;
  std::string help = (procedure ? "DROP PROCEDURE " : "DROP FUNCTION ") +
                     pairing::quote_identifier(function.name) +
                     "(...) first (and create again what depends on it), or give the new "
                     "version another name";
  auto old_result = procedure ? std::nullopt : result_type(before);
  auto new_result = procedure ? std::nullopt : result_type(after);
  if (old_result && new_result && *old_result != *new_result) {
    return Refusal{"CREATE OR REPLACE FUNCTION changes what " + name + " returns, from " +
                       *old_result + " to " + *new_result +
                       ": PostgreSQL refuses it (\"cannot change return type of existing "
                       "function\")",
                   help};
  }
  if (auto refusal = out_row_refusal(before, after, procedure, name, help)) return refusal;
  std::string statement =
      procedure ? "CREATE OR REPLACE PROCEDURE " : "CREATE OR REPLACE FUNCTION ";
  std::vector<std::string> old_names = input_names(before);
  std::vector<std::string> new_names = input_names(after);
  for (std::size_t i = 0; i < old_names.size() && i < new_names.size(); ++i) {
    if (!old_names[i].empty() && old_names[i] != new_names[i]) {
      return Refusal{statement + "renames input parameter " + old_names[i] + " of " + name +
                         ": PostgreSQL refuses it (\"cannot change name of input parameter\")",
                     help};
    }
  }
  std::size_t old_defaults = input_defaults(before);
  std::size_t new_defaults = input_defaults(after);
  if (new_defaults < old_defaults) {
    return Refusal{statement + "gives " + name + " " + std::to_string(new_defaults) +
                       " parameter defaults where it has " + std::to_string(old_defaults) +
                       ": PostgreSQL refuses it (\"cannot remove parameter defaults from "
                       "existing function\")",
                   help};
  }
  return std::nullopt;
}

// The view's columns before `at` (the step at `index` of `replay`): its definition's, then the
// RENAME COLUMNs since, those of the ups and, in a down, those of the down before the step. For
// each position, the rename that last named it.
Columns current_columns(const lint::Catalog& catalog, const std::vector<ColumnRename>& renames,
                        const lint::FileReplay& replay, std::size_t file, std::size_t index,
                        lint::Tick defined, lint::ObjectId view, Columns columns,
                        std::vector<std::optional<ColumnRename>>& renamed_by) {
  renamed_by.assign(columns.size(), std::nullopt);
  const lint::CatalogStep& at = replay.steps[index];
  for (const ColumnRename& rename : renames) {
    if (rename.step->tick <= defined || rename.step->tick >= at.tick) continue;
    if (auto position = apply_rename(catalog, *rename.step, view, columns)) {
      renamed_by[*position] = rename;
    }
  }
  if (replay.direction == lint::Direction::down) {
    for (std::size_t k = 0; k < index; ++k) {
      const lint::CatalogStep& step = replay.steps[k];
      if (step.effect.action != lint::Action::rename ||
          step.effect.object.kind != lint::ObjectKind::column) {
        continue;
      }
      if (auto position = apply_rename(catalog, step, view, columns)) {
        renamed_by[*position] = ColumnRename{file, &step};
      }
    }
  }
  return columns;
}

// CREATE OR REPLACE over an object of another kind that has the name: PostgreSQL replaces only
// an object of the kind the statement creates. A view's name taken by a table, a materialized
// view, an index, a sequence or a foreign table: "\"x\" is not a view"; a routine's signature
// taken by a routine of another kind (function, procedure, aggregate): "cannot change routine
// kind".
std::optional<Refusal> kind_refusal(const lint::CatalogObject& existing, const lint::Effect& effect,
                                    lint::Tick tick) {
  lint::ObjectKind wanted = effect.object.kind;
  lint::ObjectKind there = existing.kind();
  if (wanted == there) return std::nullopt;
  const lint::ObjectRef& ref = existing.ref_at(tick);
  std::string statement = "CREATE OR REPLACE " + pairing::sql_keyword(wanted) + " ";
  std::string help =
      "drop " + describe(ref) + " first (" + pairing::drop_sql(ref) + "), or give the new ";
  help += lint::to_string(wanted);
  help += " another name";
  auto routine = [](lint::ObjectKind kind) {
    return kind == lint::ObjectKind::function || kind == lint::ObjectKind::procedure ||
           kind == lint::ObjectKind::aggregate;
  };
  if (wanted == lint::ObjectKind::view && lint::is_relation(there)) {
    std::string message = statement + pairing::quote_identifier(effect.object.name) + ": " +
                          describe(ref) + " has the name, and PostgreSQL replaces only a view: \"";
    message += ref.name + "\" is not a view";
    return Refusal{std::move(message), help};
  }
  if (routine(wanted) && routine(there)) {
    std::string message = statement + pairing::sql_name(effect.object) + " would replace " +
                          describe(ref) +
                          ": PostgreSQL refuses it (\"cannot change routine kind\")";
    return Refusal{std::move(message), help};
  }
  return std::nullopt;
}

// The object of another kind that a CREATE OR REPLACE VIEW, FUNCTION, PROCEDURE or AGGREGATE
// would replace, in the schema it creates in (a view's name is looked for among every relation,
// a routine's signature among every routine); reported when PostgreSQL refuses it.
bool other_kind_refused(const lint::Project& project, const lint::Catalog& catalog,
                        const lint::ParsedFile& file, const lint::FileReplay& replay,
                        std::size_t index, lint::Reporter& out) {
  const lint::CatalogStep& step = replay.steps[index];
  const lint::Effect& effect = step.effect;
  lint::ObjectKind kind = effect.object.kind;
  lint::ObjectId found = lint::k_no_object;
  if (kind == lint::ObjectKind::view) {
    found =
        relation_named(catalog, effect.object.schema, effect.object.name, true, nullptr, step.tick);
  } else if (kind == lint::ObjectKind::function || kind == lint::ObjectKind::procedure ||
             kind == lint::ObjectKind::aggregate) {
    lint::Catalog::NameRef routine(effect.object);
    routine.kind = lint::ObjectKind::function;
    if (routine.args != nullptr) found = catalog.find(routine, step.tick);
  }
  if (found == lint::k_no_object) return false;
  // A down's own steps are not in the catalog: one before this may have dropped or renamed it.
  for (std::size_t k = 0; k < index; ++k) {
    const lint::CatalogStep& earlier = replay.steps[k];
    if (earlier.object == found && (earlier.effect.action == lint::Action::drop ||
                                    earlier.effect.action == lint::Action::rename)) {
      return false;
    }
  }
  const lint::CatalogObject& object = catalog.object(found);
  auto refusal = kind_refusal(object, effect, step.tick);
  if (!refusal) return false;
  const lint::Statement& statement = *file.all_statements()[step.statement];
  auto builder = out.report(file, statement.range, refusal->message, refusal->help);
  if (const lint::ParsedFile* creator = project.parsed(object.created.file)) {
    builder.related(*creator, pairing::statement_range(*creator, object.created.statement),
                    "created here");
  }
  return true;
}

// CREATE OR REPLACE TRIGGER over a constraint trigger (CREATE CONSTRAINT TRIGGER, as the
// statement that last defined it made it): PostgreSQL replaces only a plain trigger.
bool constraint_trigger_refused(const lint::Project& project, const lint::Catalog& catalog,
                                const lint::ParsedFile& file, const lint::CatalogStep& step,
                                lint::Reporter& out) {
  if (step.object == lint::k_no_object ||
      catalog.object(step.object).kind() != lint::ObjectKind::trigger) {
    return false;
  }
  auto before = definition_before(project, catalog, step.object, step.tick, "CreateTrigStmt");
  const lint::Statement& statement = *file.all_statements()[step.statement];
  if (!before || before->first == &statement || !before->first->node.flag("isconstraint")) {
    return false;
  }
  const lint::ObjectRef& ref = catalog.object(step.object).ref_at(step.tick);
  std::string trigger = pairing::quote_identifier(ref.name);
  auto builder = out.report(
      file, statement.range,
      "CREATE OR REPLACE TRIGGER " + trigger + " would replace constraint trigger " + trigger +
          " on " + pairing::quote_identifier(ref.parent) +
          ": PostgreSQL replaces only a plain trigger (\"trigger \"" + ref.name +
          "\" for relation \"" + ref.parent + "\" is a constraint trigger\")",
      "drop it first (" + pairing::drop_sql(ref) +
          "), then create the new trigger; or, to keep a constraint trigger, DROP TRIGGER and "
          "CREATE CONSTRAINT TRIGGER again (it has no OR REPLACE)");
  if (const lint::ParsedFile* definer = project.parsed(before->second.file)) {
    builder.related(*definer, before->first->range, "the constraint trigger it replaces");
  }
  return true;
}

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  std::optional<std::vector<ColumnRename>> renames;
  for (std::size_t i = 0; i < project.size(); ++i) {
    const lint::FileReplay& replay = catalog.replay(i);
    if (!replay.replayed) continue;
    const lint::ParsedFile& file = *project.parsed(i);
    for (std::size_t s = 0; s < replay.steps.size(); ++s) {
      const lint::CatalogStep& step = replay.steps[s];
      const lint::Effect& effect = step.effect;
      if (effect.action != lint::Action::create || !effect.or_replace) continue;
      if (other_kind_refused(project, catalog, file, replay, s, out)) continue;
      if (!step.existed || step.object == lint::k_no_object) continue;
      if (constraint_trigger_refused(project, catalog, file, step, out)) continue;
      const lint::CatalogObject& object = catalog.object(step.object);
      bool view = object.kind() == lint::ObjectKind::view;
      if (!view && object.kind() != lint::ObjectKind::function &&
          object.kind() != lint::ObjectKind::procedure) {
        continue;
      }
      const lint::Statement& statement = *file.all_statements()[step.statement];
      std::string_view kind = view ? "ViewStmt" : "CreateFunctionStmt";
      if (statement.kind() != kind) continue;
      auto before = definition_before(project, catalog, step.object, step.tick, kind);
      if (!before || before->first == &statement) continue;
      const lint::ObjectRef& ref = object.ref_at(step.tick);
      std::optional<Refusal> refusal;
      std::optional<ColumnRename> renamed;
      if (view) {
        auto defined = view_columns(before->first->node);
        if (!defined) continue;
        if (!renames) renames = column_renames(project, catalog);
        std::vector<std::optional<ColumnRename>> renamed_by;
        Columns columns = current_columns(catalog, *renames, replay, i, s, before->second.tick,
                                          step.object, std::move(*defined), renamed_by);
        Types old_types = view_column_types(project, catalog, before->first->node, before->second);
        Types new_types = view_column_types(project, catalog, statement.node,
                                            {i, step.statement, effect.offset, step.tick});
        if (auto found = view_refusal(columns, old_types, statement.node, new_types, ref)) {
          refusal = std::move(found->refusal);
          if (found->column) renamed = renamed_by[*found->column];
        }
      } else {
        refusal = function_refusal(before->first->node, statement.node, ref);
      }
      if (!refusal) continue;
      auto builder = out.report(file, statement.range, refusal->message, refusal->help);
      if (const lint::ParsedFile* definer = project.parsed(before->second.file)) {
        builder.related(*definer, before->first->range, "the definition it replaces");
      }
      if (renamed) {
        const lint::ParsedFile* renamer = project.parsed(renamed->file);
        if (renamer != nullptr && renamed->step->statement < renamer->all_statements().size()) {
          builder.related(*renamer, renamer->all_statements()[renamed->step->statement]->range,
                          "the column is renamed here");
        }
      }
    }
  }
}

}  // namespace

lint::Rule incompatible_replace() {
  return {
      .info = {.id = "incompatible-replace",
               .category = lint::Category::ordering,
               .severity = lint::Severity::error,
               .summary = "CREATE OR REPLACE VIEW, FUNCTION or TRIGGER that PostgreSQL refuses "
                          "over the existing one: of another kind (a constraint trigger), columns "
                          "dropped, renamed or retyped, result type or parameter names changed"},
      .check_set = check};
}

}  // namespace sqlgate::rules::ordering
