// alter-type-default: ALTER TABLE ... ALTER COLUMN c TYPE t while c has a default PostgreSQL
// cannot convert to t. PostgreSQL converts the default on its own, apart from the USING clause:
// it takes off the implicit casts it added when the default was set, then casts the expression
// from its own type with an assignment cast, and refuses the ALTER when there is none ("default
// for column "c" cannot be cast automatically to type t"), whatever the USING clause and the
// rows. A text column with DEFAULT '1' made integer, an integer column with DEFAULT 0 made
// boolean, any column with a default of another type made an enum: the enum rebuild (RENAME the
// old type, CREATE the new one, ALTER COLUMN ... TYPE, DROP the old) meets it on every column with
// a default.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "rules/ordering/rules.h"
#include "rules/ordering/type_changes.h"
#include "rules/pairing/common.h"

namespace sqlgate::rules::ordering {
namespace {

using lint::ColumnType;
using lint::Node;
using lint::ObjectId;
using lint::ObjectKind;
using pairing::describe;

constexpr ObjectId k_none = lint::k_no_object;

// The default a column has when an ALTER COLUMN ... TYPE reaches it, as a statement set it.
struct Default {
  Node expression;  // as written; invalid for a serial's nextval()
  // The column's type when the default was set: the type a string literal ('1') took.
  std::optional<ColumnType> column_type;
  bool retyped_since = false;  // an ALTER COLUMN ... TYPE ran since
};

// What an ALTER TABLE did to the default of its column `name`.
struct Seen {
  enum Kind : std::uint8_t { untouched, set, dropped, retyped } kind = untouched;
  Node expression;                 // set: the last SET DEFAULT's
  std::optional<ColumnType> type;  // the TYPE it gave the column
  bool drops = false;              // it has a DROP DEFAULT (run before its TYPE)
};

// PostgreSQL runs DROP DEFAULT before every TYPE of the statement and SET DEFAULT after it (in
// whatever order they are written), so a SET DEFAULT's literal takes the new type. An identity
// column has no default: ADD and DROP IDENTITY leave the column without one.
Seen seen_in(const lint::Statement& statement, const std::string& name) {
  Seen seen;
  if (statement.kind() != "AlterTableStmt") return seen;
  bool set = false;
  bool dropped = false;
  for (Node cmd : statement.node.list("cmds")) {
    if (lint::truncate_identifier(cmd.str("name")) != name) continue;
    std::string_view subtype = cmd.str("subtype");
    if (subtype == "AT_ColumnDefault") {
      if (cmd.has("def")) {
        set = true;
        seen.expression = cmd.get("def");
      } else {
        dropped = true;
        seen.drops = true;
      }
    } else if (subtype == "AT_AddIdentity" || subtype == "AT_DropIdentity") {
      dropped = true;
    } else if (subtype == "AT_AlterColumnType") {
      seen.type = lint::column_type(cmd.get("def").get("typeName"));
    }
  }
  if (set) {
    seen.kind = Seen::set;
  } else if (dropped) {
    seen.kind = Seen::dropped;
  } else if (seen.type) {
    seen.kind = Seen::retyped;
  }
  return seen;
}

bool same_type(const ColumnType& a, const ColumnType& b) {
  return a.name == b.name && a.array == b.array &&
         (a.schema == b.schema || a.schema.empty() || b.schema.empty());
}

// A string literal or NULL, as written or cast to the column's own type (as pg_dump writes a
// default): it has the type the column had when the default was set.
bool literal(const Default& found) {
  Node expression = found.expression;
  if (expression.is("TypeCast") && found.column_type &&
      same_type(lint::column_type(expression.get("typeName")), *found.column_type)) {
    expression = expression.get("arg");
    if (!expression.is("A_Const")) return true;
  }
  return expression.is("A_Const") && (expression.get("sval").valid() || expression.flag("isnull"));
}

bool null_literal(const Default& found) {
  return literal(found) && lint::is_null_constant(found.expression);
}

// The default the column has when the ALTER COLUMN ... TYPE at step `s` reaches it: the commands
// of that statement (a DROP DEFAULT anywhere in it), the earlier statements of a down, the
// changes of the migrations before (newest first), its definition. nullopt when it has none
// (DEFAULT NULL on a text column stores none), and when that is not known (a column made by
// CREATE TABLE AS or LIKE, a generated column, DEFAULT NULL on a column of a domain or an enum).
std::optional<Default> default_before(const lint::Project& project, const lint::Catalog& catalog,
                                      const lint::ParsedFile& file, const lint::FileReplay& replay,
                                      std::size_t s, ObjectId column) {
  const lint::CatalogStep& step = replay.steps[s];
  const lint::CatalogObject& object = catalog.object(column);
  bool down = replay.direction == lint::Direction::down;
  std::size_t first = s;
  while (first > 0 && replay.steps[first - 1].statement == step.statement) --first;
  // The tick before the statement (a down's steps all have the tick after its up).
  lint::Tick tick = down ? step.tick : replay.steps[first].tick;
  const auto& statements = file.all_statements();
  std::string name = object.ref_at(step.tick).name;
  if (seen_in(*statements[step.statement], name).drops) return std::nullopt;

  Default found;
  bool settled = false;
  bool has = false;
  // Reads one earlier statement; true once it settles the default.
  auto visit = [&](const lint::Statement& statement, const std::string& column_name,
                   lint::Tick at) {
    Seen seen = seen_in(statement, column_name);
    switch (seen.kind) {
      case Seen::untouched:
        return false;
      case Seen::retyped:
        found.retyped_since = true;
        return false;
      case Seen::dropped:
        return settled = true;
      case Seen::set:
        settled = true;
        has = true;
        found.expression = seen.expression;
        found.column_type =
            seen.type ? seen.type : lint::column_type_before(project, catalog, column, at);
        return true;
    }
    return false;
  };
  if (down) {
    std::size_t last = step.statement;
    for (std::size_t j = first; j-- > 0 && !settled;) {
      const lint::CatalogStep& earlier = replay.steps[j];
      if (earlier.object != column || earlier.statement == last) continue;
      last = earlier.statement;
      visit(*statements[earlier.statement], object.ref_at(earlier.tick).name, tick);
    }
  }
  const lint::Origin* last = nullptr;
  for (auto it = object.changed.rbegin(); it != object.changed.rend() && !settled; ++it) {
    if (it->tick >= tick) continue;
    if (last != nullptr && last->file == it->file && last->statement == it->statement) continue;
    last = &*it;
    const lint::Statement* statement = lint::statement_at(project, *it);
    if (statement != nullptr) visit(*statement, object.ref_at(it->tick).name, it->tick);
  }
  if (!settled) {
    Node definition = lint::column_definition(project, catalog, column);
    if (!definition.valid()) return std::nullopt;
    found.column_type = lint::defined_type(definition);
    if (lint::is_serial(lint::column_type(definition.get("typeName")))) has = true;
    for (Node constraint : definition.list("constraints")) {
      std::string_view contype = constraint.str("contype");
      if (contype == "CONSTR_GENERATED") return std::nullopt;
      if (contype == "CONSTR_DEFAULT") {
        found.expression = constraint.get("raw_expr");
        has = true;
      }
    }
  }
  if (!has) return std::nullopt;
  // DEFAULT NULL stores no default, unless PostgreSQL wraps the NULL in a coercion first: to a
  // length (varchar(10), char(3)) or a domain, whose NULL is then converted as its type's.
  if (null_literal(found)) {
    if (!found.column_type || !lint::is_builtin_type(*found.column_type)) return std::nullopt;
    if (found.column_type->modifiers.empty()) return std::nullopt;
  }
  return found;
}

ColumnType named(std::string_view name) {
  ColumnType type;
  type.name = std::string(name);
  return type;
}

// The type of a default's expression, for the expressions whose type is plain from the text:
// numbers and booleans, casts, the built-in functions defaults call (now(), gen_random_uuid(),
// nextval()) and CURRENT_DATE and its kin. nullopt for anything else.
std::optional<ColumnType> expression_type(const Node& expression) {
  if (expression.is("A_Const")) {
    if (expression.get("ival").valid()) return named("int4");
    if (expression.get("boolval").valid()) return named("bool");
    if (Node number = expression.get("fval"); number.valid()) {
      // An integer too large for int4: bigint when it fits, else numeric.
      std::string_view digits = number.str("fval");
      if (!digits.empty() && digits.front() == '-') digits.remove_prefix(1);
      bool integer = !digits.empty() && std::all_of(digits.begin(), digits.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; });
      bool fits = digits.size() < 19 || (digits.size() == 19 && digits <= "9223372036854775807");
      return named(integer && fits ? "int8" : "numeric");
    }
    return std::nullopt;
  }
  if (expression.is("TypeCast")) {
    ColumnType type = lint::column_type(expression.get("typeName"));
    if (!lint::is_builtin_type(type)) return std::nullopt;
    return type;
  }
  if (expression.is("SQLValueFunction")) {
    std::string_view op = expression.str("op");
    if (op == "SVFOP_CURRENT_DATE") return named("date");
    if (op.starts_with("SVFOP_CURRENT_TIMESTAMP")) return named("timestamptz");
    if (op.starts_with("SVFOP_CURRENT_TIME")) return named("timetz");
    if (op.starts_with("SVFOP_LOCALTIMESTAMP")) return named("timestamp");
    if (op.starts_with("SVFOP_LOCALTIME")) return named("time");
    return named("name");  // CURRENT_USER, SESSION_USER, CURRENT_SCHEMA, CURRENT_CATALOG, ...
  }
  if (expression.is("FuncCall")) {
    lint::QualifiedName function = lint::QualifiedName::of(expression.list("funcname"));
    if (!function.schema.empty() && function.schema != "pg_catalog") return std::nullopt;
    // What pg_proc (and uuid-ossp, pgcrypto) gives as each one's result type.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 26> k_results{{
        {"clock_timestamp", "timestamptz"},
        {"current_database", "name"},
        {"current_schema", "name"},
        {"currval", "int8"},
        {"gen_random_bytes", "bytea"},
        {"gen_random_uuid", "uuid"},
        {"json_build_array", "json"},
        {"json_build_object", "json"},
        {"jsonb_build_array", "jsonb"},
        {"jsonb_build_object", "jsonb"},
        {"lastval", "int8"},
        {"md5", "text"},
        {"nextval", "int8"},
        {"now", "timestamptz"},
        {"pg_backend_pid", "int4"},
        {"random", "float8"},
        {"statement_timestamp", "timestamptz"},
        {"timeofday", "text"},
        {"transaction_timestamp", "timestamptz"},
        {"txid_current", "int8"},
        {"uuid_generate_v1", "uuid"},
        {"uuid_generate_v1mc", "uuid"},
        {"uuid_generate_v4", "uuid"},
        {"uuidv4", "uuid"},
        {"uuidv7", "uuid"},
        {"version", "text"},
    }};
    for (const auto& [name, result] : k_results) {
      if (function.name == name) return named(result);
    }
  }
  return std::nullopt;
}

// What a default converts from: its expression's type, and the type object when a migration
// made that type.
struct Source {
  ColumnType type;
  ObjectId object = k_none;
};

// The type PostgreSQL casts the default from: a string literal has the type the column had when
// the default was set (a cast to that type, as pg_dump writes one, the same); a serial's
// nextval() is bigint; an implicit cast PostgreSQL added is not counted (DEFAULT now() on a text
// column is a timestamptz). `current` is the column's type object now.
std::optional<Source> source_of(const Default& found, ObjectId current) {
  if (!found.expression.valid()) return Source{named("int8"), k_none};  // a serial's nextval()
  if (literal(found)) {
    if (!found.column_type) return std::nullopt;
    Source source{*found.column_type, k_none};
    if (!found.retyped_since) {
      source.object = current;
    } else if (!lint::is_builtin_type(source.type)) {
      return std::nullopt;  // the type object it names is not known
    }
    return source;
  }
  std::optional<ColumnType> type = expression_type(found.expression);
  if (!type) return std::nullopt;
  return Source{*type, k_none};
}

// Whether PostgreSQL converts a default of `source` to the new type `written` (an enum when
// `target` says so) by an implicit or assignment cast: nullopt when not known.
std::optional<bool> converts(const lint::Project& project, const lint::Catalog& catalog,
                             const lint::FileContext& context, const lint::Statement& statement,
                             const Source& source, const ColumnType& written,
                             const std::optional<Target>& target) {
  if (target && target->is_enum) {
    // Nothing but the enum itself converts to an enum, and nothing but an array of it to an
    // array of it.
    if (source.object != k_none) {
      return target->id != k_none && source.object == target->id &&
             source.type.array == written.array;
    }
    if (lint::is_builtin_type(source.type)) return false;
    return std::nullopt;
  }
  ColumnType to = lint::base_type(context, statement, written);
  ColumnType from = source.type;
  if (source.object != k_none) {
    const lint::Statement* made =
        lint::statement_at(project, catalog.object(source.object).created);
    if (made == nullptr) return std::nullopt;
    if (makes_enum(made)) {
      // An enum converts to the string types (by its text), and to no other built-in type; an
      // array of it to an array of those, or to one of them (by its text).
      if (!lint::is_builtin_type(to)) return std::nullopt;
      ColumnType element = to;
      element.array = false;
      if (source.type.array == to.array) return lint::is_string_type(element);
      return !to.array && lint::is_string_type(to);
    }
    if (!made->node.is("CreateDomainStmt")) return std::nullopt;
    // An array of the domain is an array of its base type.
    from = lint::column_type(made->node.get("typeName"));
    if (source.type.array) from.array = true;
  }
  from = lint::base_type(context, statement, from);
  return lint::converts_automatically(from, to);
}

void check(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  for_each_type_change(
      project, catalog,
      [&](std::size_t index, const lint::ParsedFile& file, const lint::FileReplay& replay,
          std::size_t s, const lint::CatalogStep& step) {
        const lint::Statement& statement = *file.all_statements()[step.statement];
        const lint::ObjectRef& column = catalog.object(step.object).ref_at(step.tick);
        std::optional<ColumnType> type = lint::type_set_by(statement, column.name);
        if (!type) return;
        // A down that changed the column's type before: its type is not the catalog's.
        if (replay.direction == lint::Direction::down) {
          for (std::size_t j = 0; j < s; ++j) {
            if (replay.steps[j].object == step.object &&
                replay.steps[j].statement != step.statement &&
                replay.steps[j].effect.change == lint::Change::set_type) {
              return;
            }
          }
        }
        std::optional<Default> found =
            default_before(project, catalog, file, replay, s, step.object);
        if (!found) return;
        std::optional<Source> source =
            source_of(*found, current_type(catalog, step.object, step.tick));
        if (!source) return;
        lint::FileContext context{project, index, file};
        std::optional<Target> target = target_of(project, catalog, replay, file, s, *type);
        std::optional<bool> converted =
            converts(project, catalog, context, statement, *source, *type, target);
        if (!converted || *converted) return;
        std::string from = source->object != k_none
                               ? describe(catalog.object(source->object).ref_at(step.tick)) +
                                     (source->type.array ? "[]" : "")
                               : "type " + source->type.display();
        // The new type as PostgreSQL's message names it: an enum's without the schema it can see.
        std::string shown = type->display();
        if (target && target->is_enum) {
          shown = shown_type_name(lint::truncate_identifier(type->schema), type->name) +
                  (type->array ? "[]" : "");
        }
        std::string table = pairing::parent_sql(column);
        std::string name = pairing::quote_identifier(column.name);
        std::string alter =
            "ALTER TABLE " + table + " ALTER COLUMN " + name + " TYPE " + type->display();
        std::string why = target && target->is_enum
                              ? (type->array ? "nothing but an array of the enum itself converts "
                                               "to an array of an enum automatically"
                                             : "nothing but the enum itself converts to an enum "
                                               "automatically")
                              : "there is no automatic cast from " +
                                    (source->object != k_none ? from.substr(from.find(' ') + 1)
                                                              : source->type.display()) +
                                    " to " + type->display();
        std::string help = "drop the default before the type changes and set it again after, in ";
        help += "one statement: ALTER TABLE " + table + " ALTER COLUMN " + name +
                " DROP DEFAULT, ALTER COLUMN " + name + " TYPE " + type->display() +
                " USING ..., ALTER COLUMN " + name + " SET DEFAULT ...";
        out.report(file, pairing::statement_range(file, step.statement),
                   alter + " while the column has a default of " + from +
                       ": PostgreSQL refuses it (\"default for column \"" + column.name +
                       "\" cannot be cast automatically to type " + shown +
                       "\"), whatever the USING clause: the default is converted on its own, and " +
                       why,
                   help);
      });
}

}  // namespace

lint::Rule alter_type_default() {
  return {.info = {.id = "alter-type-default",
                   .category = lint::Category::ordering,
                   .severity = lint::Severity::error,
                   .summary = "ALTER COLUMN ... TYPE while the column has a default PostgreSQL "
                              "cannot cast to the new type (text to integer, anything to an enum)"},
          .check_set = check};
}

}  // namespace sqlgate::rules::ordering
