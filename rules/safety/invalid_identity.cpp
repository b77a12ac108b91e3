// invalid-identity: identity column changes PostgreSQL refuses on the column as the migrations
// left it, whatever the rows: ADD GENERATED ... AS IDENTITY on a column that has a default (a
// serial's nextval(): the serial-to-identity conversion without DROP DEFAULT), is nullable, is
// already an identity column or is not smallint, integer or bigint; SET GENERATED, SET <sequence
// option>, RESTART and DROP IDENTITY (without IF EXISTS) on a column that is not one; SET or DROP
// DEFAULT and DROP NOT NULL on one; ALTER COLUMN ... TYPE of one to another type; and the column
// definitions PostgreSQL rejects (identity with a default, a serial, NULL, a generation expression,
// twice, or on another type); an identity sequence's options out of bounds (sequence_bounds.h);
// OWNED BY of an identity's sequence. Each message is PostgreSQL 15's.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "lint/tree.h"
#include "rules/pairing/sequences.h"
#include "rules/safety/identity.h"
#include "rules/safety/sequence_bounds.h"

namespace sqlgate::rules {

namespace {

using lint::ColumnType;
using lint::Node;
using lint::ObjectId;

constexpr ObjectId k_none = lint::k_no_object;

// What is known of a column before a command: nullopt where the migrations do not say.
struct ColumnState {
  std::optional<bool> identity;
  std::optional<bool> has_default;
  std::optional<bool> not_null;
  std::optional<ColumnType> type;
  bool serial = false;            // its default is still a serial's nextval()
  char generated_when = 0;        // an identity column's: 'a' (ALWAYS) or 'd' (BY DEFAULT)
  std::optional<bool> generated;  // a generated (stored) column
};

bool identity_type(const ColumnType& type) {
  return !type.array && (type.is("int2") || type.is("int4") || type.is("int8"));
}

// Whether a DEFAULT stores a default: DEFAULT NULL stores none on a column of a built-in type
// without a length; on varchar(n) or char(n) it is stored (as a length coercion of NULL), and on
// a domain or a type sqlgate does not know, it is not known.
std::optional<bool> stores_default(const Node& expression, const std::optional<ColumnType>& type) {
  if (!lint::is_null_constant(expression)) return true;
  if (!type || !lint::is_builtin_type(*type)) return std::nullopt;
  return !type->modifiers.empty();
}

// The state a column definition (a ColumnDef of CREATE TABLE or ADD COLUMN) gives.
ColumnState defined_state(const Node& definition) {
  ColumnState state;
  ColumnType written = lint::column_type(definition.get("typeName"));
  state.type = lint::defined_type(definition);
  bool serial = lint::is_serial(written);
  state.identity = false;
  state.has_default = serial;
  state.serial = serial;
  state.not_null = serial || definition.flag("is_not_null");
  state.generated = false;
  for (Node constraint : definition.list("constraints")) {
    std::string_view contype = constraint.str("contype");
    if (contype == "CONSTR_IDENTITY") {
      state.identity = true;
      state.not_null = true;
      std::string_view when = constraint.str("generated_when");
      state.generated_when = when.empty() ? '\0' : when[0];
    } else if (contype == "CONSTR_DEFAULT") {
      state.has_default = stores_default(constraint.get("raw_expr"), state.type);
    } else if (contype == "CONSTR_GENERATED") {
      state.has_default = true;  // a generation expression is stored as the column's default
      state.generated = true;
    } else if (contype == "CONSTR_NOTNULL" || contype == "CONSTR_PRIMARY") {
      state.not_null = true;
    }
  }
  return state;
}

// A command of an ALTER TABLE on the column, and when PostgreSQL runs it: every DROP first, then
// ALTER COLUMN ... TYPE, then SET NOT NULL and the NOT NULL of a primary key, then ADD IDENTITY
// and SET DEFAULT, then SET GENERATED / RESTART / SET options, each group in written order
// (checked on PostgreSQL 15 with the commands written both ways round).
struct Command {
  Node cmd;
  std::size_t index = 0;  // in the statement's cmds
  int pass = 0;
};

// The primary key a command adds, when it covers the column (its keys; USING INDEX: any).
bool adds_primary_key(const Node& cmd, const std::string& column) {
  std::string_view subtype = cmd.str("subtype");
  if (subtype != "AT_AddConstraint" && subtype != "AT_AddConstraintRecurse" &&
      subtype != "AT_AddIndexConstraint") {
    return false;
  }
  Node def = cmd.get("def");
  if (subtype == "AT_AddIndexConstraint") return def.flag("primary");
  if (def.str("contype") != "CONSTR_PRIMARY") return false;
  if (def.has("indexname")) return true;  // USING INDEX: its columns are the index's
  for (Node key : def.list("keys")) {
    if (lint::truncate_identifier(key.as_str()) == column) return true;
  }
  return false;
}

std::vector<Command> commands_on(const lint::Statement& statement, const std::string& column) {
  std::vector<Command> commands;
  lint::NodeList cmds = statement.node.list("cmds");
  for (std::size_t i = 0; i < cmds.size(); ++i) {
    Node cmd = cmds[i];
    std::string_view subtype = cmd.str("subtype");
    int pass = -1;
    if (adds_primary_key(cmd, column)) {
      pass = 2;
    } else if (lint::truncate_identifier(cmd.str("name")) != column) {
      continue;
    } else if (subtype == "AT_DropIdentity" || subtype == "AT_DropNotNull" ||
               subtype == "AT_DropExpression" ||
               (subtype == "AT_ColumnDefault" && !cmd.has("def"))) {
      pass = 0;
    } else if (subtype == "AT_AlterColumnType") {
      pass = 1;
    } else if (subtype == "AT_SetNotNull") {
      pass = 2;
    } else if (subtype == "AT_AddIdentity" || subtype == "AT_ColumnDefault") {
      pass = 3;
    } else if (subtype == "AT_SetIdentity") {
      pass = 4;
    }
    if (pass >= 0) commands.push_back({cmd, i, pass});
  }
  std::stable_sort(commands.begin(), commands.end(),
                   [](const Command& a, const Command& b) { return a.pass < b.pass; });
  return commands;
}

// Why PostgreSQL refuses a command.
struct Refusal {
  std::string message;  // PostgreSQL's, with the column and relation named
  lint::Condition condition;
  std::string why;  // what sqlgate knows of the column
  std::string help;
  bool about_identity = false;  // follows from whether the column is an identity column
};

std::string in_quotes(const std::string& name) {
  return "\"" + name + "\"";
}

// The SQL of an ADD GENERATED or a SET GENERATED command.
std::string generated_sql(const Node& cmd) {
  std::string_view subtype = cmd.str("subtype");
  if (subtype == "AT_AddIdentity") {
    return cmd.get("def").str("generated_when") == "a" ? "ADD GENERATED ALWAYS AS IDENTITY"
                                                       : "ADD GENERATED BY DEFAULT AS IDENTITY";
  }
  if (subtype == "AT_DropIdentity") return "DROP IDENTITY";
  lint::NodeList items = cmd.get("def").list("items");
  if (items.empty()) return "SET";
  Node first = items[0];
  std::string_view name = first.str("defname");
  if (name == "generated") {
    return first.get("arg").num("ival") == 'a' ? "SET GENERATED ALWAYS"
                                               : "SET GENERATED BY DEFAULT";
  }
  if (name == "restart") return "RESTART";
  std::string option(name);
  std::transform(option.begin(), option.end(), option.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return "SET " + option;
}

// Checks one command against the column's state, then applies it. A refusal stops the statement.
std::optional<Refusal> run(const Node& cmd, const std::string& column, const std::string& table,
                           ColumnState& state) {
  std::string_view subtype = cmd.str("subtype");
  std::string named = "column " + in_quotes(column) + " of relation " + in_quotes(table);
  std::string alter = "ALTER TABLE " + lint::sql_identifier(table) + " ALTER COLUMN " +
                      lint::sql_identifier(column) + " ";
  if (adds_primary_key(cmd, column)) {
    state.not_null = true;
    return std::nullopt;
  }
  if (subtype == "AT_AddIdentity") {
    std::string add = generated_sql(cmd);
    if (state.type && !identity_type(*state.type)) {
      return Refusal{"identity column type must be smallint, integer, or bigint",
                     lint::condition::invalid_parameter_value,
                     "the column is of type " + state.type->display(),
                     "an identity column is smallint, integer or bigint: change the column's type "
                     "first (ALTER COLUMN ... TYPE bigint USING ...), or add a new bigint column",
                     false};
    }
    if (state.not_null == false) {
      return Refusal{
          named + " must be declared NOT NULL before identity can be added",
          lint::condition::object_not_in_prerequisite_state, "the column is nullable",
          "make it NOT NULL in the same statement (PostgreSQL runs SET NOT NULL first): " + alter +
              "SET NOT NULL, ALTER COLUMN " + lint::sql_identifier(column) + " " + add,
          false};
    }
    if (state.identity == true) {
      return Refusal{named + " is already an identity column",
                     lint::condition::object_not_in_prerequisite_state,
                     "the column is an identity column already",
                     "leave it out, or change how it generates with " + alter +
                         "SET GENERATED ALWAYS (or BY DEFAULT)",
                     true};
    }
    if (state.has_default == true) {
      return Refusal{
          named + " already has a default value", lint::condition::object_not_in_prerequisite_state,
          state.serial ? "the column is a serial: its default is nextval() of the serial's sequence"
                       : "the column has a default",
          state.serial
              ? "drop the default first (" + alter + "DROP DEFAULT), then the serial's " +
                    "sequence (DROP SEQUENCE), then " + add +
                    ", and start the identity past the highest " +
                    "value with setval(pg_get_serial_sequence('" + table + "', '" + column +
                    "'), ...)"
              : "drop the default first, in the same statement: " + alter + "DROP DEFAULT, " +
                    "ALTER COLUMN " + lint::sql_identifier(column) + " " + add,
          false};
    }
    state.identity = true;
    state.has_default = false;
    state.not_null = true;
    std::string_view when = cmd.get("def").str("generated_when");
    state.generated_when = when.empty() ? '\0' : when[0];
    return std::nullopt;
  }
  if (subtype == "AT_SetIdentity" || (subtype == "AT_DropIdentity" && !cmd.flag("missing_ok"))) {
    if (state.identity == false) {
      bool drop = subtype == "AT_DropIdentity";
      return Refusal{
          named + " is not an identity column", lint::condition::object_not_in_prerequisite_state,
          state.serial ? "the column is a serial, not an identity column"
                       : "the column is not an identity column",
          drop ? "write DROP IDENTITY IF EXISTS, or leave it out"
               : "make it an identity column first (after DROP DEFAULT, for a serial): " + alter +
                     "ADD GENERATED ... AS IDENTITY",
          true};
    }
    if (subtype == "AT_DropIdentity") state.identity = false;
    for (Node item : cmd.get("def").list("items")) {
      if (item.str("defname") == "generated") {
        state.generated_when = static_cast<char>(item.get("arg").num("ival"));
      }
    }
    return std::nullopt;
  }
  if (subtype == "AT_DropIdentity") {  // IF EXISTS
    state.identity = false;
    return std::nullopt;
  }
  if (subtype == "AT_ColumnDefault" || subtype == "AT_DropNotNull") {
    if (state.identity == true) {
      bool drop_not_null = subtype == "AT_DropNotNull";
      bool set = cmd.has("def");
      return Refusal{named + " is an identity column", lint::condition::syntax_error,
                     "the column is an identity column",
                     drop_not_null ? "an identity column is NOT NULL: DROP IDENTITY first, in "
                                     "the same statement"
                     : set ? "an identity column generates its values: change that with " + alter +
                                 "SET GENERATED ..., or DROP IDENTITY first"
                           : "an identity column has no default: write " + alter + "DROP IDENTITY",
                     true};
    }
    if (subtype == "AT_DropNotNull") {
      state.not_null = false;
    } else {
      state.has_default = cmd.has("def") ? stores_default(cmd.get("def"), state.type) : false;
      state.serial = false;
    }
    return std::nullopt;
  }
  if (subtype == "AT_DropExpression") {
    state.has_default = false;
    state.generated = false;
    state.serial = false;
    return std::nullopt;
  }
  if (subtype == "AT_AlterColumnType") {
    ColumnType type = lint::column_type(cmd.get("def").get("typeName"));
    if (state.identity == true && lint::is_builtin_type(type) && !identity_type(type)) {
      return Refusal{"identity column type must be smallint, integer, or bigint",
                     lint::condition::invalid_parameter_value, "the column is an identity column",
                     "keep it smallint, integer or bigint, or DROP IDENTITY first", true};
    }
    state.type = type;
    return std::nullopt;
  }
  if (subtype == "AT_SetNotNull") state.not_null = true;
  return std::nullopt;
}

// Applies the commands of an earlier ALTER TABLE to the state (a refusal leaves it unknown: the
// statement did not run).
void replay(const lint::Statement& statement, const std::string& column, ColumnState& state) {
  if (statement.kind() != "AlterTableStmt") return;
  std::string table = lint::truncate_identifier(statement.node.get("relation").str("relname"));
  for (const Command& command : commands_on(statement, column)) {
    if (run(command.cmd, column, table, state)) {
      state = ColumnState{};
      return;
    }
  }
}

// A down's steps that state_before() follows, found once for the file: by object, and the
// constraints it creates (each an index into FileReplay::steps, in order).
struct DownSteps {
  explicit DownSteps(const lint::FileReplay& replay) {
    for (std::size_t i = 0; i < replay.steps.size(); ++i) {
      const lint::CatalogStep& step = replay.steps[i];
      if (step.effect.object.kind == lint::ObjectKind::constraint &&
          step.effect.action == lint::Action::create) {
        constraint_creates.push_back(i);
      }
      if (step.object != k_none) by_object[step.object].push_back(i);
    }
  }
  // The steps on the object and the constraint creates, merged in file order.
  std::vector<std::size_t> relevant(ObjectId id) const {
    std::vector<std::size_t> merged;
    auto found = by_object.find(id);
    const std::vector<std::size_t> none;
    const std::vector<std::size_t>& own = found == by_object.end() ? none : found->second;
    std::merge(own.begin(), own.end(), constraint_creates.begin(), constraint_creates.end(),
               std::back_inserter(merged));
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    return merged;
  }

  std::unordered_map<ObjectId, std::vector<std::size_t>> by_object;
  std::vector<std::size_t> constraint_creates;
};

// Whether what the column's default uses (a serial's sequence, the sequence of a nextval(), a
// function it calls) was dropped before `tick`: DROP SEQUENCE ... CASCADE takes the default along
// ("drop cascades to default value for column id of table t"). In a down, the down's drops
// before `ordinal` count too.
bool default_dropped(const lint::Catalog& catalog, ObjectId column, lint::Tick tick,
                     const lint::FileReplay& replay, bool down, std::size_t ordinal) {
  for (const lint::DependencyEdge& edge : catalog.object(column).depends_on) {
    if (edge.source != lint::DependencySource::default_value || !edge.alive_at(tick)) continue;
    if (!catalog.object(edge.object).alive_at(tick)) return true;
    if (!down) continue;
    for (const lint::CatalogStep& step : replay.steps) {
      if (step.statement >= ordinal) break;
      if (step.effect.action == lint::Action::drop &&
          (step.object == edge.object || std::find(step.implied.begin(), step.implied.end(),
                                                   edge.object) != step.implied.end())) {
        return true;
      }
    }
  }
  return false;
}

// The column's state just before `statement`: its definition, then every ALTER TABLE of it since
// (the migrations before this one, this file's earlier statements, and for a down the earlier
// statements of the down). nullopt when the column is not known. `down_steps`, when given, is
// the index of the file's steps (a down's), so that each call does not read them all.
std::optional<ColumnState> state_before(const lint::FileContext& context,
                                        const lint::Statement& statement,
                                        const lint::QualifiedName& table, const std::string& column,
                                        const DownSteps* down_steps = nullptr) {
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr) return std::nullopt;
  ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::column, table.schema,
                                      column, table.name);
  if (id == k_none) return std::nullopt;
  const lint::CatalogObject& object = catalog->object(id);
  if (object.parent == k_none || catalog->object(object.parent).kind() != lint::ObjectKind::table) {
    return std::nullopt;
  }
  const lint::Statement* created = lint::statement_at(context.project, object.created);
  Node definition = lint::column_definition(context.project, *catalog, id);
  if (created == nullptr || !definition.valid()) return std::nullopt;
  // A child or a partition takes columns, NOT NULL and identity from its parent.
  if (created->kind() == "CreateStmt" &&
      (!created->node.list("inhRelations").empty() || created->node.has("partbound"))) {
    return std::nullopt;
  }
  ColumnState state = defined_state(definition);
  const auto& all = context.file.all_statements();
  std::size_t ordinal = context.file.ordinal(statement).value_or(all.size());
  const lint::FileReplay& file_replay = catalog->replay(context.index);
  bool down = file_replay.direction == lint::Direction::down;
  lint::Tick tick =
      down ? catalog->after_up(context.index) : catalog->before_statement(context.index, ordinal);
  const lint::Origin* last = nullptr;
  for (const lint::Origin& change : object.changed) {
    if (change.tick >= tick) break;
    if (last != nullptr && last->file == change.file && last->statement == change.statement) {
      continue;
    }
    last = &change;
    const lint::Statement* changed = lint::statement_at(context.project, change);
    if (changed != nullptr) replay(*changed, object.ref_at(change.tick).name, state);
  }
  if (down) {
    std::size_t previous = ordinal;
    std::optional<DownSteps> own;
    if (down_steps == nullptr) down_steps = &own.emplace(file_replay);
    for (std::size_t i : down_steps->relevant(id)) {
      const lint::CatalogStep& step = file_replay.steps[i];
      if (step.statement >= ordinal) break;
      // A primary key the down adds makes its columns NOT NULL: not followed here.
      if (step.effect.object.kind == lint::ObjectKind::constraint &&
          step.effect.action == lint::Action::create) {
        state.not_null.reset();
      }
      if (step.object != id || step.statement == previous) continue;
      previous = step.statement;
      replay(*all[step.statement], object.ref_at(step.tick).name, state);
    }
  }
  if (state.has_default == true &&
      default_dropped(*catalog, id, tick, file_replay, down, ordinal)) {
    state.has_default = false;
    state.serial = false;
  }
  // A primary key made the column NOT NULL too (CREATE TABLE's PRIMARY KEY (...), ADD PRIMARY
  // KEY), and dropping the key leaves it so.
  if (state.not_null == false) {
    for (ObjectId child : catalog->object(object.parent).children) {
      const lint::CatalogObject& constraint = catalog->object(child);
      if (constraint.kind() != lint::ObjectKind::constraint || constraint.contype != 'p' ||
          constraint.created.tick >= tick) {
        continue;
      }
      std::string name = object.ref_at(constraint.created.tick).name;
      if (constraint.columns.empty() ||
          std::find(constraint.columns.begin(), constraint.columns.end(), name) !=
              constraint.columns.end()) {
        state.not_null = true;
      }
    }
  }
  return state;
}

// Why PostgreSQL refuses a column definition with an identity, from the definition alone.
std::optional<Refusal> definition_refusal(const Node& definition, const std::string& table) {
  std::string column = lint::truncate_identifier(definition.str("colname"));
  std::string of = " for column " + in_quotes(column) + " of table " + in_quotes(table);
  int identities = 0;
  bool serial = lint::is_serial(lint::column_type(definition.get("typeName")));
  bool has_default = serial;
  bool generated = false;
  bool nullable = false;
  for (Node constraint : definition.list("constraints")) {
    std::string_view contype = constraint.str("contype");
    if (contype == "CONSTR_IDENTITY") ++identities;
    if (contype == "CONSTR_DEFAULT") has_default = true;
    if (contype == "CONSTR_GENERATED") generated = true;
    if (contype == "CONSTR_NULL") nullable = true;
  }
  if (identities == 0) return std::nullopt;
  if (nullable) {
    return Refusal{"conflicting NULL/NOT NULL declarations" + of, lint::condition::syntax_error,
                   "an identity column is NOT NULL", "leave out NULL", false};
  }
  if (identities > 1) {
    return Refusal{"multiple identity specifications" + of, lint::condition::syntax_error,
                   "it says GENERATED ... AS IDENTITY twice", "keep one", false};
  }
  if (has_default) {
    return Refusal{"both default and identity specified" + of, lint::condition::syntax_error,
                   serial ? "a serial has a default (nextval()) and the identity would give the "
                            "values too"
                          : "it has a DEFAULT, and the identity would give the values too",
                   serial ? "write integer or bigint (smallint for smallserial) instead of the "
                            "serial type"
                          : "leave out the DEFAULT",
                   false};
  }
  if (generated) {
    return Refusal{"both identity and generation expression specified" + of,
                   lint::condition::syntax_error,
                   "a column is an identity column or a generated one, not both",
                   "keep one of the two", false};
  }
  ColumnType type = lint::column_type(definition.get("typeName"));
  if (!identity_type(type)) {
    return Refusal{"identity column type must be smallint, integer, or bigint",
                   lint::condition::invalid_parameter_value, "it is of type " + type.display(),
                   "make it smallint, integer or bigint (bigint for a key)", false};
  }
  return std::nullopt;
}

// A refusal of a statement a DO block runs is not reported when a guard keeps it from failing: an
// IF, CASE or handler it runs under is taken to test whether the column is an identity column (so
// a refusal that follows from that is not reported there), and a block whose handler catches the
// error keeps it from failing.
void report(lint::Reporter& out, const lint::Statement& statement, lint::TextRange range,
            const std::string& what, const Refusal& refusal) {
  if (lint::conditional(statement, refusal.condition, refusal.about_identity)) return;
  out.report(range,
             what + " fails on every run: " + refusal.why + ", and PostgreSQL refuses it (\"" +
                 refusal.message + "\")",
             refusal.help);
}

// ALTER SEQUENCE s OWNED BY (NONE, or any column: its own included) of an identity column's
// sequence: PostgreSQL links it to the column for good (it goes only with DROP IDENTITY, the
// column or the table); a serial's sequence can be detached.
void identity_sequence_owner(const lint::FileContext& context, const lint::Statement& statement,
                             lint::Reporter& out) {
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr) return;
  std::vector<std::string> owner;
  for (Node option : statement.node.list("options")) {
    if (option.str("defname") != "owned_by") continue;
    Node names = option.get("arg");
    owner.clear();
    for (Node part : names.items().empty() ? names.list("items") : names.items()) {
      owner.emplace_back(part.as_str());
    }
  }
  if (owner.empty()) return;
  lint::RelationName written = lint::relation_name(statement.node.get("sequence"));
  ObjectId sequence = lint::find_as_written(context, statement, lint::ObjectKind::sequence,
                                            written.schema, written.name);
  if (sequence == k_none) return;
  ObjectId column = pairing::identity_column_of(context.project, *catalog, sequence);
  auto tick = lint::tick_before(context, statement);
  if (column == k_none || !tick || !catalog->object(column).alive_at(*tick)) return;
  const lint::CatalogObject& made = catalog->object(column);
  std::string table = catalog->object(made.parent).ref_at(*tick).name;
  std::string what = "ALTER SEQUENCE " + lint::sql_name(written.schema, written.name);
  what += " OWNED BY ";
  what += owner.size() == 1 && owner[0] == "none" ? "NONE" : lint::join_strings(owner, ".");
  std::string named =
      lint::sql_identifier(table) + "." + lint::sql_identifier(made.ref_at(*tick).name);
  Refusal refusal{"cannot change ownership of identity sequence",
                  lint::condition::feature_not_supported,
                  "it is the sequence of identity column " + named,
                  "leave it to the column (it goes with DROP IDENTITY, the column or the table); "
                  "to keep its numbers, make a sequence of your own (CREATE SEQUENCE) and setval() "
                  "it to the identity's last value",
                  true};
  report(out, statement, statement.range, what, refusal);
}

// The options of an identity column's sequence that PostgreSQL refuses (sequence_bounds.h, the
// checks CREATE and ALTER SEQUENCE get): GENERATED ... AS IDENTITY (options) of a column definition
// or of ADD GENERATED, and ALTER COLUMN ... SET <option>, RESTART or TYPE of an identity column,
// with the sequence as the migrations before left it.
void identity_sequence_options(const lint::FileContext& context, const lint::Statement& statement,
                               lint::Reporter& out) {
  const lint::Catalog* catalog = context.project.catalog();
  std::optional<std::size_t> ordinal = context.file.ordinal(statement);
  auto tick = lint::tick_before(context, statement);
  if (catalog == nullptr || !ordinal || !tick || !catalog->replay(context.index).replayed) return;
  std::vector<const lint::CatalogStep*> steps = catalog->steps_of(context.index, *ordinal);
  std::string table = lint::truncate_identifier(statement.node.get("relation").str("relname"));
  lint::NodeList cmds = statement.node.list("cmds");
  auto check_options = [&](const pairing::SequenceOptions& options, const lint::NodeList& written,
                           const std::string& sequence, bool restart, lint::TextRange range,
                           const std::string& what) {
    auto refusal =
        sequence_bounds_refusal(options, written, context.file, statement, sequence, restart);
    if (!refusal) return false;
    report(out, statement, range, what,
           Refusal{refusal->message, lint::condition::invalid_parameter_value, refusal->why,
                   refusal->help, false});
    return true;
  };
  // New identity columns: their sequences are made by the statement.
  for (const lint::CatalogStep* step : steps) {
    if (step->effect.action != lint::Action::create ||
        step->effect.object.kind != lint::ObjectKind::sequence || step->existed) {
      continue;
    }
    ObjectId column = pairing::identity_column_of(context.project, *catalog, step->object);
    if (column == k_none) continue;
    std::string name = catalog->object(column).ref_at(step->tick).name;
    pairing::IdentityState state =
        pairing::state_made_by(context.project, *catalog, context.file, *step);
    std::string sequence = "the sequence of identity column " + lint::sql_identifier(table) + "." +
                           lint::sql_identifier(name);
    lint::NodeList written;
    lint::TextRange range = statement.range;
    std::string what = "the definition of column " + name;
    if (Node definition = lint::column_definition(statement, name); definition) {
      for (Node constraint : definition.list("constraints")) {
        if (constraint.str("contype") == "CONSTR_IDENTITY") written = constraint.list("options");
      }
      range = lint::token_at(context.file, statement, definition.location());
    } else {
      for (std::size_t i = 0; i < cmds.size(); ++i) {
        if (cmds[i].str("subtype") != "AT_AddIdentity" ||
            lint::truncate_identifier(cmds[i].str("name")) != name) {
          continue;
        }
        written = cmds[i].get("def").list("options");
        range = lint::alter_command_range(context.file, statement, i);
        what = "ALTER TABLE " + lint::sql_identifier(table) + " ALTER COLUMN " +
               lint::sql_identifier(name) + " " + generated_sql(cmds[i]);
      }
    }
    check_options(state.options, written, sequence, false, range, what);
  }
  // SET <option>, RESTART and TYPE of identity columns the table has.
  if (!statement.node.is("AlterTableStmt")) return;
  lint::QualifiedName relation =
      lint::QualifiedName::of(lint::relation_name(statement.node.get("relation")));
  // A column both retyped and given options by the statement is not judged: PostgreSQL retypes
  // its sequence first, and the replay applies the commands as written.
  std::vector<std::string> done;
  std::vector<std::string> retyped;
  std::vector<std::string> set;
  for (Node cmd : cmds) {
    std::string_view subtype = cmd.str("subtype");
    if (subtype == "AT_AlterColumnType" || subtype == "AT_SetIdentity") {
      (subtype == "AT_SetIdentity" ? set : retyped)
          .push_back(lint::truncate_identifier(cmd.str("name")));
    }
  }
  for (const std::string& name : retyped) {
    if (std::find(set.begin(), set.end(), name) != set.end()) done.push_back(name);
  }
  for (std::size_t i = 0; i < cmds.size(); ++i) {
    std::string_view subtype = cmds[i].str("subtype");
    if (subtype != "AT_SetIdentity" && subtype != "AT_AlterColumnType") continue;
    std::string name = lint::truncate_identifier(cmds[i].str("name"));
    if (std::find(done.begin(), done.end(), name) != done.end()) continue;
    ObjectId column = lint::find_as_written(context, statement, lint::ObjectKind::column,
                                            relation.schema, name, relation.name);
    if (column == k_none) continue;
    pairing::SequenceSubject subject{
        pairing::identity_sequence_of(context.project, *catalog, column, *tick), column};
    if (subject.sequence == k_none) continue;
    pairing::IdentityState state = pairing::state_before(context.project, *catalog, subject, *tick);
    pairing::apply_steps(state, context.project, *catalog, context.file, steps, subject);
    std::string what = "ALTER TABLE " + lint::sql_identifier(table) + " ALTER COLUMN " +
                       lint::sql_identifier(name) + " ";
    bool options = subtype == "AT_SetIdentity";
    what += options ? generated_sql(cmds[i])
                    : "TYPE " + lint::column_type(cmds[i].get("def").get("typeName")).display();
    std::string sequence = "sequence " + catalog->object(subject.sequence).ref_at(*tick).name +
                           " of identity column " + lint::sql_identifier(table) + "." +
                           lint::sql_identifier(name);
    lint::NodeList written = options ? cmds[i].get("def").list("items") : lint::NodeList{};
    if (check_options(state.options, written, sequence, options,
                      lint::alter_command_range(context.file, statement, i), what)) {
      done.push_back(name);
    }
  }
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  const lint::Catalog* catalog = context.project.catalog();
  std::optional<DownSteps> down_steps;
  if (catalog != nullptr && catalog->replay(context.index).replayed &&
      catalog->replay(context.index).direction == lint::Direction::down) {
    down_steps.emplace(catalog->replay(context.index));
  }
  for (const lint::Statement* statement : file.all_statements()) {
    if (statement->kind() == "AlterSeqStmt") identity_sequence_owner(context, *statement, out);
    if (statement->kind() == "CreateStmt" || statement->kind() == "AlterTableStmt") {
      identity_sequence_options(context, *statement, out);
    }
    // The definitions of CREATE TABLE and ADD COLUMN.
    for (const lint::ColumnDefinition& column : lint::column_definitions(*statement)) {
      if (column.origin == lint::ColumnDefinition::Origin::alter_type) continue;
      std::string table = lint::truncate_identifier(statement->node.get("relation").str("relname"));
      std::optional<Refusal> refusal = definition_refusal(column.column, table);
      if (!refusal) continue;
      report(out, *statement, lint::token_at(file, *statement, column.column.location()),
             "the definition of column " + std::string(column.name), *refusal);
    }
    if (statement->kind() != "AlterTableStmt") continue;
    if (statement->node.str("objtype") != "OBJECT_TABLE") continue;
    lint::QualifiedName table =
        lint::QualifiedName::of(lint::relation_name(statement->node.get("relation")));
    std::string relname = lint::truncate_identifier(table.name);
    // Each column the statement changes the identity, default or nullability of.
    std::vector<std::string> columns;
    for (Node cmd : statement->node.list("cmds")) {
      std::string_view subtype = cmd.str("subtype");
      if (subtype != "AT_AddIdentity" && subtype != "AT_SetIdentity" &&
          subtype != "AT_DropIdentity" && subtype != "AT_ColumnDefault" &&
          subtype != "AT_DropNotNull" && subtype != "AT_AlterColumnType") {
        continue;
      }
      std::string name = lint::truncate_identifier(cmd.str("name"));
      if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
        columns.push_back(name);
      }
    }
    for (const std::string& column : columns) {
      std::optional<ColumnState> state =
          state_before(context, *statement, table, column, down_steps ? &*down_steps : nullptr);
      if (!state) continue;
      for (const Command& command : commands_on(*statement, column)) {
        std::optional<Refusal> refusal = run(command.cmd, column, relname, *state);
        if (!refusal) continue;
        std::string_view subtype = command.cmd.str("subtype");
        std::string what = "ALTER TABLE " + lint::sql_identifier(relname) + " ALTER COLUMN " +
                           lint::sql_identifier(column) + " ";
        if (subtype == "AT_AddIdentity" || subtype == "AT_SetIdentity" ||
            subtype == "AT_DropIdentity") {
          what += generated_sql(command.cmd);
        } else if (subtype == "AT_ColumnDefault") {
          what += command.cmd.has("def") ? "SET DEFAULT" : "DROP DEFAULT";
        } else if (subtype == "AT_DropNotNull") {
          what += "DROP NOT NULL";
        } else {
          what += "TYPE " + lint::column_type(command.cmd.get("def").get("typeName")).display();
        }
        report(out, *statement, lint::alter_command_range(file, *statement, command.index), what,
               *refusal);
        break;
      }
    }
  }
}

}  // namespace

std::optional<ColumnGeneration> column_generation(const lint::FileContext& context,
                                                  const lint::Statement& statement,
                                                  const lint::QualifiedName& table,
                                                  const std::string& column) {
  std::optional<ColumnState> state = state_before(context, statement, table, column);
  if (!state || !state->identity || !state->generated) return std::nullopt;
  if (*state->identity && state->generated_when == 0) return std::nullopt;
  return ColumnGeneration{*state->identity ? state->generated_when : '\0', *state->generated};
}

std::optional<ColumnShape> column_shape(const lint::FileContext& context,
                                        const lint::Statement& statement,
                                        const lint::QualifiedName& table,
                                        const std::string& column) {
  std::optional<ColumnState> state = state_before(context, statement, table, column);
  if (!state) return std::nullopt;
  return ColumnShape{state->not_null, state->type};
}

lint::Rule invalid_identity() {
  return {.info = {.id = "invalid-identity",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "identity changes PostgreSQL refuses: ADD GENERATED ... AS IDENTITY "
                              "on a column with a default (a serial's) or a nullable one, SET "
                              "GENERATED or DROP IDENTITY on a column that is not one, SET DEFAULT "
                              "on one"},
          .check_file = check};
}

}  // namespace sqlgate::rules
