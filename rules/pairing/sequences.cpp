#include "rules/pairing/sequences.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <utility>

#include "lint/pg_facts.h"
#include "lint/table_state.h"

namespace sqlgate::rules::pairing {
namespace {

using lint::ObjectId;
using lint::ObjectKind;

// The integer type a sequence of this type holds ("int2", "int4", "int8"); nullopt for any other
// (a domain, a type named with its schema: not judged).
std::optional<std::string> integer_type(const std::optional<lint::ColumnType>& type) {
  if (!type || !type->schema.empty() || type->array) return std::nullopt;
  if (type->name == "int2" || type->name == "int4" || type->name == "int8") return type->name;
  return std::nullopt;
}

std::int64_t type_max(const std::string& type) {
  if (type == "int2") return std::numeric_limits<std::int16_t>::max();
  if (type == "int4") return std::numeric_limits<std::int32_t>::max();
  return std::numeric_limits<std::int64_t>::max();
}

std::int64_t type_min(const std::string& type) {
  if (type == "int2") return std::numeric_limits<std::int16_t>::min();
  if (type == "int4") return std::numeric_limits<std::int32_t>::min();
  return std::numeric_limits<std::int64_t>::min();
}

std::optional<std::int64_t> parse_int64(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || ptr != end) return std::nullopt;
  return value;
}

// The number written after an option's keywords (INCREMENT BY -2, START WITH 0), read from the
// text: the parse tree leaves out an integer that is 0 or negative.
std::optional<std::int64_t> number_written(const lint::Node& option, const lint::ParsedFile& file,
                                           const lint::Statement& statement) {
  if (!statement.exact || !option.location()) return std::nullopt;
  std::uint32_t from = statement.offset(option.location());
  if (from >= statement.range.end) return std::nullopt;
  bool negative = false;
  for (const lint::Token& token : file.tokens({from, statement.range.end})) {
    std::string_view text = file.slice(token.range);
    if (text == "-") {
      negative = !negative;
    } else if (text == "+") {
      continue;
    } else if (token.name == "ICONST" || token.name == "FCONST") {
      auto value = parse_int64(text);
      if (!value) return std::nullopt;
      return negative ? -*value : *value;
    } else if (!token.keyword && token.name != "IDENT") {
      return std::nullopt;  // a comma, a parenthesis: no number here
    }
  }
  return std::nullopt;
}

// The number an option gives (INCREMENT BY 5, MAXVALUE 3000000000); nullopt when not read.
std::optional<std::int64_t> option_number(const lint::Node& option, const lint::ParsedFile& file,
                                          const lint::Statement& statement) {
  lint::Node arg = option.get("arg");
  if (arg.is("Integer")) {
    if (arg.has("ival")) return arg.as_int();
    return number_written(option, file, statement);
  }
  if (arg.is("Float")) return parse_int64(arg.str("fval"));
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> sequence_option_number(const lint::Node& option,
                                                   const lint::ParsedFile& file,
                                                   const lint::Statement& statement) {
  return option_number(option, file, statement);
}

namespace {

// How options are applied: to an existing sequence (ALTER), to a new one (CREATE SEQUENCE: AS
// bigint unless given), or to a new one whose type is set already (a serial's, an identity's).
enum class Init : std::uint8_t { no, plain, typed };

// Applies sequence options as PostgreSQL's init_params() does: AS first (an ALTER to another
// type moves MINVALUE and MAXVALUE that were the old type's bounds to the new one's), then
// INCREMENT, CYCLE, MAXVALUE and MINVALUE (NO MAXVALUE: the type's largest when ascending, -1
// when descending), START and CACHE; a new sequence takes the defaults of those not given.
void apply_options(SequenceOptions& s, const lint::NodeList& options, Init init,
                   const lint::ParsedFile& file, const lint::Statement& statement) {
  lint::Node as, increment, cycle, maxvalue, minvalue, start, cache;
  for (lint::Node option : options) {
    std::string_view name = option.str("defname");
    if (name == "as") as = option;
    if (name == "increment") increment = option;
    if (name == "cycle") cycle = option;
    if (name == "maxvalue") maxvalue = option;
    if (name == "minvalue") minvalue = option;
    if (name == "start") start = option;
    if (name == "cache") cache = option;
  }
  bool creating = init != Init::no;
  // Whether an ALTER's AS moves the bounds: nullopt when the old ones are not known.
  std::optional<bool> reset_max = false;
  std::optional<bool> reset_min = false;
  if (as) {
    auto type = integer_type(lint::column_type(as.get("arg")));
    if (!creating) {
      reset_max =
          s.type && s.maxvalue ? std::optional(*s.maxvalue == type_max(*s.type)) : std::nullopt;
      reset_min =
          s.type && s.minvalue ? std::optional(*s.minvalue == type_min(*s.type)) : std::nullopt;
    }
    s.type = type;
  } else if (init == Init::plain) {
    s.type = "int8";
  }
  if (increment) {
    s.increment = option_number(increment, file, statement);
    if (s.increment == 0) s.increment.reset();  // refused by PostgreSQL: not a state
  } else if (creating) {
    s.increment = 1;
  }
  if (cycle) {
    s.cycle = cycle.get("arg").flag("boolval");
  } else if (creating) {
    s.cycle = false;
  }
  auto bound = [&](std::optional<std::int64_t>& value, const lint::Node& option,
                   std::optional<bool> reset, bool max) {
    if (option && option.has("arg")) {
      value = option_number(option, file, statement);
      return;
    }
    bool surely = creating || option.valid() || reset == true;
    if (!surely && reset == false) return;  // left as it was
    std::optional<std::int64_t> fresh;
    bool toward = s.increment && (max ? *s.increment > 0 : *s.increment < 0);
    bool away = s.increment && (max ? *s.increment < 0 : *s.increment > 0);
    if (reset == true || toward) {
      if (s.type) fresh = max ? type_max(*s.type) : type_min(*s.type);
    } else if (reset == false && away) {
      fresh = max ? -1 : 1;
    }
    // Not known whether the bound moves: known only when it stays the same either way.
    if (!surely && fresh != value) fresh.reset();
    value = fresh;
  };
  bound(s.maxvalue, maxvalue, reset_max, true);
  bound(s.minvalue, minvalue, reset_min, false);
  if (start) {
    s.start = option_number(start, file, statement);
  } else if (creating) {
    s.start = !s.increment ? std::nullopt : *s.increment > 0 ? s.minvalue : s.maxvalue;
  }
  if (cache) {
    s.cache = option_number(cache, file, statement);
  } else if (creating) {
    s.cache = 1;
  }
}

// An identity's sequence made anew: of the column's type, with the options written.
SequenceOptions identity_options(const lint::NodeList& options,
                                 const std::optional<lint::ColumnType>& column_type,
                                 const lint::ParsedFile& file, const lint::Statement& statement) {
  SequenceOptions s;
  s.type = integer_type(column_type);
  apply_options(s, options, Init::typed, file, statement);
  return s;
}

// The identity a column definition (a ColumnDef) gives: '\0' when none.
IdentityState defined_identity(const lint::Node& definition, const lint::ParsedFile& file,
                               const lint::Statement& statement) {
  IdentityState state;
  state.kind = '\0';
  auto type = lint::defined_type(definition);
  std::string_view integer = lint::serial_integer(lint::column_type(definition.get("typeName")));
  if (!integer.empty()) {
    // A serial's sequence: AS its integer type, the defaults otherwise.
    state.options.type = std::string(integer);
    apply_options(state.options, lint::NodeList(), Init::typed, file, statement);
    return state;
  }
  for (lint::Node constraint : definition.list("constraints")) {
    if (constraint.str("contype") != "CONSTR_IDENTITY") continue;
    std::string_view when = constraint.str("generated_when");
    state.kind = when.empty() ? '?' : when.front();
    state.options = identity_options(constraint.list("options"), type, file, statement);
  }
  return state;
}

// The step of a statement that creates the object.
const lint::CatalogStep* creating_step(const lint::Catalog& catalog, const lint::Origin& origin,
                                       ObjectId id) {
  for (const lint::CatalogStep& step : catalog.steps_at(origin.file, origin.statement)) {
    if (step.object == id && step.effect.action == lint::Action::create) return &step;
  }
  return nullptr;
}

// The column an implicit sequence (a serial's or an identity's) was made for, and its name at
// the step that made the sequence; nullopt for another sequence.
std::optional<std::pair<ObjectId, std::string>> owner_of(const lint::Catalog& catalog,
                                                         const lint::CatalogStep& step) {
  if (!step.effect.implicit || step.object == lint::k_no_object) return std::nullopt;
  for (const lint::DependencyEdge& edge : catalog.object(step.object).depends_on) {
    if (edge.object == lint::k_no_object || !edge.automatic) continue;
    const lint::CatalogObject& column = catalog.object(edge.object);
    if (column.kind() == ObjectKind::column) {
      return std::pair{edge.object, column.ref_at(step.tick).name};
    }
  }
  return std::nullopt;
}

// The ADD GENERATED ... AS IDENTITY of the column in an ALTER TABLE; invalid when none.
lint::Node added_identity(const lint::Statement& statement, std::string_view column) {
  lint::Node found;
  if (statement.kind() != "AlterTableStmt") return found;
  for (lint::Node cmd : statement.node.list("cmds")) {
    if (cmd.str("subtype") == "AT_AddIdentity" &&
        lint::truncate_identifier(cmd.str("name")) == column) {
      found = cmd.get("def");
    }
  }
  return found;
}

// An ALTER of the type of the sequence (ALTER COLUMN ... TYPE of its identity column).
void retype(SequenceOptions& s, const std::optional<std::string>& type) {
  std::optional<bool> reset_max =
      s.type && s.maxvalue ? std::optional(*s.maxvalue == type_max(*s.type)) : std::nullopt;
  std::optional<bool> reset_min =
      s.type && s.minvalue ? std::optional(*s.minvalue == type_min(*s.type)) : std::nullopt;
  s.type = type;
  if (reset_max == true) s.maxvalue = type ? std::optional(type_max(*type)) : std::nullopt;
  if (!reset_max) s.maxvalue.reset();
  if (reset_min == true) s.minvalue = type ? std::optional(type_min(*type)) : std::nullopt;
  if (!reset_min) s.minvalue.reset();
}

bool is_default(const SequenceOptions& s, std::string_view field) {
  if (!s.increment || !s.type) return false;
  bool ascending = *s.increment > 0;
  if (field == "minvalue") {
    return s.minvalue && *s.minvalue == (ascending ? 1 : type_min(*s.type));
  }
  if (field == "maxvalue") {
    return s.maxvalue && *s.maxvalue == (ascending ? type_max(*s.type) : -1);
  }
  if (field == "start") {
    return s.start && (ascending ? s.minvalue && *s.start == *s.minvalue
                                 : s.maxvalue && *s.start == *s.maxvalue);
  }
  return false;
}

std::string type_words(const std::string& type) {
  if (type == "int2") return "smallint";
  if (type == "int4") return "integer";
  return "bigint";
}

}  // namespace

ObjectId identity_column_of(const lint::Project& project, const lint::Catalog& catalog,
                            ObjectId sequence) {
  const lint::CatalogObject& object = catalog.object(sequence);
  const lint::CatalogStep* step = creating_step(catalog, object.created, sequence);
  auto owner = step != nullptr ? owner_of(catalog, *step) : std::nullopt;
  const lint::Statement* statement = lint::statement_at(project, object.created);
  if (!owner || statement == nullptr) return lint::k_no_object;
  lint::Node definition = lint::column_definition(*statement, owner->second);
  bool identity = added_identity(*statement, owner->second).valid();
  for (lint::Node constraint : definition.list("constraints")) {
    if (constraint.str("contype") == "CONSTR_IDENTITY") identity = true;
  }
  return identity ? owner->first : lint::k_no_object;
}

ObjectId identity_sequence_of(const lint::Project& project, const lint::Catalog& catalog,
                              ObjectId column, lint::Tick tick) {
  const lint::CatalogObject& object = catalog.object(column);
  for (const auto* edges : {&object.dependents, &object.depends_on}) {
    for (const lint::DependencyEdge& edge : *edges) {
      if (edge.object == lint::k_no_object) continue;
      const lint::CatalogObject& other = catalog.object(edge.object);
      if (other.kind() == ObjectKind::sequence && other.alive_at(tick) &&
          identity_column_of(project, catalog, edge.object) == column) {
        return edge.object;
      }
    }
  }
  return lint::k_no_object;
}

IdentityState state_made_by(const lint::Project& project, const lint::Catalog& catalog,
                            const lint::ParsedFile& file, const lint::CatalogStep& step) {
  IdentityState state;
  const lint::Statement& statement = *file.all_statements()[step.statement];
  if (statement.kind() == "CreateSeqStmt") {
    apply_options(state.options, statement.node.list("options"), Init::plain, file, statement);
    return state;
  }
  auto owner = owner_of(catalog, step);
  if (!owner) return state;
  if (lint::Node definition = lint::column_definition(statement, owner->second); definition) {
    return defined_identity(definition, file, statement);
  }
  if (lint::Node added = added_identity(statement, owner->second); added) {
    std::string_view when = added.str("generated_when");
    state.kind = when.empty() ? '?' : when.front();
    auto type = lint::column_type_before(project, catalog, owner->first, step.tick);
    state.options = identity_options(added.list("options"), type, file, statement);
  }
  return state;
}

bool adds_identity(const lint::Statement& statement, std::string_view column) {
  return added_identity(statement, column).valid();
}

bool changes_identity(const lint::Statement& statement, std::string_view column) {
  if (statement.kind() != "AlterTableStmt") return false;
  for (lint::Node cmd : statement.node.list("cmds")) {
    std::string_view subtype = cmd.str("subtype");
    if ((subtype == "AT_AddIdentity" || subtype == "AT_DropIdentity" ||
         subtype == "AT_SetIdentity") &&
        lint::truncate_identifier(cmd.str("name")) == column) {
      return true;
    }
  }
  return false;
}

void apply_steps(IdentityState& state, const lint::Project& project, const lint::Catalog& catalog,
                 const lint::ParsedFile& file, const std::vector<const lint::CatalogStep*>& steps,
                 const SequenceSubject& subject) {
  const auto& statements = file.all_statements();
  std::size_t last = static_cast<std::size_t>(-1);
  for (const lint::CatalogStep* step : steps) {
    if (step->statement == last) continue;
    const lint::Statement& statement = *statements[step->statement];
    bool sequence = subject.sequence != lint::k_no_object && step->object == subject.sequence;
    bool column = subject.column != lint::k_no_object && step->object == subject.column;
    if (!sequence && !column) continue;
    last = step->statement;
    if (sequence && statement.kind() == "AlterSeqStmt") {
      apply_options(state.options, statement.node.list("options"), Init::no, file, statement);
      continue;
    }
    if (!column || statement.kind() != "AlterTableStmt") continue;
    const std::string& name = step->effect.object.name;
    for (lint::Node cmd : statement.node.list("cmds")) {
      if (lint::truncate_identifier(cmd.str("name")) != name) continue;
      std::string_view subtype = cmd.str("subtype");
      if (subtype == "AT_AddIdentity") {
        lint::Node def = cmd.get("def");
        std::string_view when = def.str("generated_when");
        state.kind = when.empty() ? '?' : when.front();
        state.options =
            identity_options(def.list("options"),
                             lint::column_type_before(project, catalog, subject.column, step->tick),
                             file, statement);
      } else if (subtype == "AT_DropIdentity") {
        state.kind = '\0';
        state.options = SequenceOptions();
      } else if (subtype == "AT_SetIdentity") {
        lint::NodeList items = cmd.get("def").list("items");
        // SET ... succeeds only on an identity column.
        if (!state.kind || *state.kind == '\0') state.kind = '?';
        for (lint::Node item : items) {
          if (item.str("defname") == "generated") {
            state.kind = static_cast<char>(item.get("arg").as_int());
          }
        }
        apply_options(state.options, items, Init::no, file, statement);
      } else if (subtype == "AT_AlterColumnType") {
        // The sequence of an identity column takes the column's new type.
        if (state.kind == '\0') continue;
        auto type = integer_type(lint::column_type(cmd.get("def").get("typeName")));
        if (!state.kind) {
          state.options = SequenceOptions();  // not known whether it has a sequence
        } else {
          retype(state.options, type);
        }
      }
    }
  }
}

IdentityState state_before(const lint::Project& project, const lint::Catalog& catalog,
                           const SequenceSubject& subject, lint::Tick tick) {
  IdentityState state;
  if (subject.column != lint::k_no_object) {
    const lint::CatalogObject& column = catalog.object(subject.column);
    const lint::Statement* made = lint::statement_at(project, column.created);
    const lint::ParsedFile* file = project.parsed(column.created.file);
    lint::Node definition = lint::column_definition(project, catalog, subject.column);
    if (made != nullptr && file != nullptr && definition) {
      state = defined_identity(definition, *file, *made);
    }
  } else if (subject.sequence != lint::k_no_object) {
    const lint::Origin& created = catalog.object(subject.sequence).created;
    const lint::ParsedFile* file = project.parsed(created.file);
    const lint::CatalogStep* step = creating_step(catalog, created, subject.sequence);
    if (file != nullptr && step != nullptr) state = state_made_by(project, catalog, *file, *step);
  }
  // The earlier migrations' changes to either, in order.
  std::vector<lint::Origin> origins;
  for (ObjectId id : {subject.column, subject.sequence}) {
    if (id == lint::k_no_object) continue;
    for (const lint::Origin& origin : catalog.object(id).changed) {
      if (origin.tick < tick) origins.push_back(origin);
    }
  }
  std::sort(origins.begin(), origins.end(), [](const lint::Origin& a, const lint::Origin& b) {
    return std::tie(a.tick, a.file, a.statement) < std::tie(b.tick, b.file, b.statement);
  });
  for (std::size_t i = 0; i < origins.size(); ++i) {
    const lint::Origin& origin = origins[i];
    bool seen = false;
    for (std::size_t j = 0; j < i; ++j) {
      seen = seen || (origins[j].file == origin.file && origins[j].statement == origin.statement);
    }
    const lint::ParsedFile* file = project.parsed(origin.file);
    if (seen || file == nullptr) continue;
    std::vector<const lint::CatalogStep*> steps;
    for (const lint::CatalogStep& step : catalog.steps_at(origin.file, origin.statement)) {
      if (step.tick < tick) steps.push_back(&step);
    }
    apply_steps(state, project, catalog, *file, steps, subject);
  }
  return state;
}

SequenceOptions default_options(const std::optional<std::string>& type) {
  SequenceOptions s;
  s.type = type;
  s.increment = 1;
  s.cycle = false;
  s.minvalue = 1;
  if (type) s.maxvalue = type_max(*type);
  s.start = 1;
  s.cache = 1;
  return s;
}

std::vector<std::string> sequence_differences(const SequenceOptions& a, const SequenceOptions& b) {
  std::vector<std::string> fields;
  auto differ = [](const auto& x, const auto& y) { return x && y && *x != *y; };
  for (std::string_view field : k_sequence_fields) {
    bool different = field == "as"          ? differ(a.type, b.type)
                     : field == "increment" ? differ(a.increment, b.increment)
                     : field == "minvalue"  ? differ(a.minvalue, b.minvalue)
                     : field == "maxvalue"  ? differ(a.maxvalue, b.maxvalue)
                     : field == "start"     ? differ(a.start, b.start)
                     : field == "cache"     ? differ(a.cache, b.cache)
                                            : differ(a.cycle, b.cycle);
    // Each side's default: it follows AS or INCREMENT, which are listed.
    if (different && is_default(a, field) && is_default(b, field)) different = false;
    if (different) fields.emplace_back(field);
  }
  return fields;
}

std::string sequence_option_sql(const SequenceOptions& s, std::string_view field, bool numbers) {
  auto number = [](const std::optional<std::int64_t>& value) {
    return value ? std::to_string(*value) : std::string("<as before>");
  };
  if (field == "as") return "AS " + (s.type ? type_words(*s.type) : std::string("<as before>"));
  if (field == "increment") return "INCREMENT BY " + number(s.increment);
  if (field == "minvalue") {
    return is_default(s, field) && !numbers ? std::string("NO MINVALUE")
                                            : "MINVALUE " + number(s.minvalue);
  }
  if (field == "maxvalue") {
    return is_default(s, field) && !numbers ? std::string("NO MAXVALUE")
                                            : "MAXVALUE " + number(s.maxvalue);
  }
  if (field == "start") return "START WITH " + number(s.start);
  if (field == "cache") return "CACHE " + number(s.cache);
  if (field == "cycle") {
    return !s.cycle ? std::string("<CYCLE or NO CYCLE, as before>")
                    : std::string(*s.cycle ? "CYCLE" : "NO CYCLE");
  }
  return std::string(field);
}

std::string sequence_options_sql(const SequenceOptions& options,
                                 const std::vector<std::string>& fields, bool set) {
  std::string sql;
  for (const std::string& field : fields) {
    if (!sql.empty()) sql += " ";
    if (set) sql += "SET ";
    sql += sequence_option_sql(options, field);
  }
  return sql;
}

std::string identity_kind_sql(char kind) {
  return kind == 'a' ? "GENERATED ALWAYS" : "GENERATED BY DEFAULT";
}

}  // namespace sqlgate::rules::pairing
