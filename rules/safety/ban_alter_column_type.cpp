// ban-alter-column-type: ALTER COLUMN ... TYPE that rewrites an existing table under ACCESS
// EXCLUSIVE. The binary-compatible changes PostgreSQL makes without a rewrite are left alone. A
// domain of the migrations counts as its base type, and one with constraints always rewrites.
#include "lint/catalog.h"
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"
#include "rules/safety/partitioned.h"

namespace sqlgate::rules {

namespace {

// USING the column itself, or the column cast to some type: PostgreSQL can still skip the
// rewrite. Anything else computes every row again.
bool using_is_plain(const lint::Node& expression, std::string_view column) {
  lint::Node value = expression;
  while (value.is("TypeCast")) value = value.get("arg");
  if (!value.is("ColumnRef")) return false;
  return value.list("fields").back().as_str() == column;
}

// Where the file sets the session's time zone, and whether to UTC, in file order.
struct ZoneSetting {
  std::uint32_t at;
  bool utc;
};

std::vector<ZoneSetting> zone_settings(const lint::ParsedFile& file) {
  std::vector<ZoneSetting> settings;
  for (const lint::Statement& statement : file.statements()) {
    if (statement.kind() == "VariableSetStmt" && statement.node.str("name") == "timezone") {
      settings.push_back(
          ZoneSetting{statement.range.begin, lint::is_utc_zone(lint::set_value(statement.node))});
    }
  }
  return settings;
}

// The session is in UTC at a statement, as far as the file says.
bool session_utc(const std::vector<ZoneSetting>& settings, const lint::Statement& at) {
  bool utc = false;
  for (const ZoneSetting& setting : settings) {
    if (setting.at >= at.range.begin) break;
    utc = setting.utc;
  }
  return utc;
}

// A domain the migrations made, as it stands before a statement: its base type (through domains
// over domains), and the first of them that has a constraint then, when one does.
struct Domain {
  lint::ColumnType base;
  std::string constrained;  // the domain with a CHECK (NOT VALID too) or NOT NULL; empty if none
};

// Whether a domain of the replay has a CHECK or NOT NULL constraint at a tick: a CHECK of its
// CREATE DOMAIN or ALTER DOMAIN ... ADD not dropped since, or the NOT NULL of its CREATE DOMAIN
// and the SET / DROP NOT NULL since.
bool domain_constrained(const lint::FileContext& context, const lint::CatalogObject& domain,
                        const lint::Node& made, lint::Tick tick) {
  const lint::Catalog& catalog = *context.project.catalog();
  for (lint::ObjectId child : domain.children) {
    const lint::CatalogObject& constraint = catalog.object(child);
    if (constraint.kind() == lint::ObjectKind::constraint && constraint.alive_at(tick)) return true;
  }
  bool not_null = false;
  for (lint::Node constraint : made.list("constraints")) {
    std::string_view type = constraint.str("contype");
    if (type == "CONSTR_NOTNULL") not_null = true;
    if (type == "CONSTR_NULL") not_null = false;
  }
  for (const lint::Origin& change : domain.changed) {
    if (change.tick >= tick) continue;
    const lint::Statement* alter = lint::statement_at(context.project, change);
    if (alter == nullptr || !alter->node.is("AlterDomainStmt")) continue;
    std::string_view subtype = alter->node.str("subtype");
    if (subtype == "O") not_null = true;
    if (subtype == "N") not_null = false;
  }
  return not_null;
}

// The domain a type names, when the migrations made it by CREATE DOMAIN before the statement (for
// a down, before the end of its up); nothing for any other type. A domain over one made elsewhere
// has that one as its base.
std::optional<Domain> domain_of(const lint::FileContext& context, const lint::Statement& statement,
                                const lint::ColumnType& type) {
  const lint::Catalog* replay = context.project.catalog();
  if (replay == nullptr || !replay->replay(context.index).replayed) return std::nullopt;
  const lint::Catalog& catalog = *replay;
  // A down: as its up left the schema.
  auto tick = context.direction() == lint::Direction::up ? lint::tick_before(context, statement)
                                                         : catalog.replay(context.index).start;
  if (!tick) return std::nullopt;
  std::optional<Domain> found;
  lint::ColumnType level = type;
  for (int depth = 0; depth < 8 && !level.array; ++depth) {
    lint::ObjectId id = lint::find_as_written(context, statement, lint::ObjectKind::domain,
                                              level.schema, level.name);
    if (id == lint::k_no_object) break;
    const lint::CatalogObject& domain = catalog.object(id);
    const lint::Statement* made = lint::statement_at(context.project, domain.created);
    if (made == nullptr || !made->node.is("CreateDomainStmt")) return std::nullopt;
    if (!found) found = Domain{};
    if (found->constrained.empty() && domain_constrained(context, domain, made->node, *tick)) {
      found->constrained = domain.ref_at(*tick).name;
    }
    level = lint::column_type(made->node.get("typeName"));
  }
  if (found) found->base = level;
  return found;
}

void check(const lint::FileContext& context, lint::Reporter& out) {
  const lint::ParsedFile& file = context.file;
  lint::TableState tables(context);
  std::optional<std::vector<ZoneSetting>> zones;
  lint::for_each_alter_command(file, [&](const lint::Statement& statement,
                                         const lint::QualifiedName& table, lint::Node cmd,
                                         std::size_t i) {
    if (cmd.str("subtype") != "AT_AlterColumnType") return;
    if (statement.node.str("objtype") != "OBJECT_TABLE")
      return;  // a foreign table's is not rewritten
    if (tables.is_new_table(table, statement)) return;
    // PostgreSQL refuses any type change of a partition key's column, before it rewrites
    // anything: invalid-ddl reports it.
    if (partition_key_table(context, statement, lint::truncate_identifier(cmd.str("name")))) {
      return;
    }
    std::string column(cmd.str("name"));
    lint::Node def = cmd.get("def");
    lint::ColumnType target = lint::column_type(def.get("typeName"));
    if (!zones) zones = zone_settings(file);
    lint::TypeChangeContext change_context{context.pg_version(), session_utc(*zones, statement)};
    std::optional<lint::ColumnType> source = tables.column_type(table, column, statement);
    // Another collation than the column's (a COLLATE, or none on a column that had one of its
    // own): the indexes on the column sort by it, and PostgreSQL builds them anew.
    std::optional<lint::QualifiedName> old_collation =
        tables.column_collation(table, column, statement);
    std::optional<lint::QualifiedName> new_collation = lint::defined_collation(def);
    bool recollated = lint::collations_differ(old_collation, new_collation);
    // The same type again: no conversion at all.
    if (source && *source == target && !def.get("raw_default").valid() && !recollated) return;
    // A domain of the migrations converts as its base type: to it, PostgreSQL relabels the value
    // (no rewrite); from it, it checks every row when the domain has constraints (a rewrite),
    // else only the base types' conversion counts.
    std::optional<Domain> target_domain = domain_of(context, statement, target);
    lint::ColumnType judged = target_domain ? target_domain->base : target;
    if (source) {
      if (auto source_domain = domain_of(context, statement, *source)) {
        source = source_domain->base;
      }
    }
    // An extension's type (citext aside), a domain or an enum: its casts (an enum to text is not
    // binary-compatible) are not known here, so it counts as no source at all.
    std::optional<lint::ColumnType> unmodelled;
    if (source && !lint::has_known_casts(*source)) {
      unmodelled = std::move(source);
      source.reset();
    }
    lint::Node expression = def.get("raw_default");
    bool computed = expression.valid() && !using_is_plain(expression, column);

    bool checked = target_domain && !target_domain->constrained.empty();
    lint::TypeChange change = lint::TypeChange::rewrite;
    if (!computed && !checked && source)
      change = lint::type_change(*source, judged, change_context);
    // The table is kept, but not the indexes: only the collation tells.
    bool by_collation = change == lint::TypeChange::no_rewrite && recollated;
    if (by_collation) change = lint::TypeChange::rebuilds_indexes;
    if (change == lint::TypeChange::no_rewrite) return;

    std::string what = "ALTER COLUMN " + column + " TYPE " + target.display();
    if (def.get("collClause").valid()) what += " COLLATE " + new_collation->sql();
    std::vector<std::string> notes;
    if (target_domain) notes.push_back("a domain over " + target_domain->base.display());
    if (source) notes.push_back("from " + source->display());
    if (!notes.empty()) what += " (" + lint::join_strings(notes, ", ") + ")";
    lint::TextRange range = lint::alter_command_range(file, statement, i);
    if (checked) {
      std::string domain = target_domain->constrained;
      std::string message = what + " rewrites existing table " + table.display();
      message +=
          " and its indexes under an ACCESS EXCLUSIVE lock (no reads or writes until it is "
          "done): domain ";
      message += domain;
      message +=
          " has a CHECK or NOT NULL constraint (NOT VALID ones count too), and PostgreSQL "
          "writes the table anew to check every row against it";
      out.report(range, message,
                 "change the column to the base type (or a domain without constraints), which "
                 "keeps the table, and add the check as a table CHECK constraint NOT VALID, then "
                 "VALIDATE CONSTRAINT (it takes only SHARE UPDATE EXCLUSIVE)");
      return;
    }
    if (!computed && !source && lint::reachable_without_rewrite(judged, change_context)) {
      // Some types reach this one without a rewrite (varchar(n) -> text, say), others do not:
      // without the column's current type this is a warning, not a verdict.
      out.report(range,
                 what + " rewrites existing table " + table.display() +
                     " under an ACCESS EXCLUSIVE lock unless the column's current type converts "
                     "without one (varchar(n) to a longer varchar or text, numeric(p,s) to a "
                     "larger p, timestamp to timestamptz in a UTC session...): " +
                     (unmodelled ? "its current type is " + unmodelled->display() +
                                       ", whose casts sqlgate does not know"
                                 : std::string("its current type is not known from the "
                                               "migrations")),
                 "check the column's current type; for any other source, add a new column, fill "
                 "it in batches, and switch over to it")
          .at_most(lint::Severity::warning);
      return;
    }
    if (change == lint::TypeChange::rebuilds_indexes) {
      out.report(range,
                 what + " keeps the rows of " + table.display() +
                     (by_collation ? " but rebuilds the column's indexes"
                                   : " but rebuilds every index on the column") +
                     " under ACCESS EXCLUSIVE" +
                     (by_collation ? ": its collation goes from " + old_collation->sql() + " to " +
                                         new_collation->sql() +
                                         ", by which they sort (one that names a COLLATE "
                                         "of its own is kept)"
                                   : std::string()),
                 by_collation
                     ? "for large indexes, first build each again with CREATE INDEX CONCURRENTLY "
                       "on (" +
                           lint::sql_identifier(column) + " COLLATE " + new_collation->sql() +
                           "), which the change keeps, and drop the old one with DROP INDEX "
                           "CONCURRENTLY; or run it while the table is quiet"
                     : "build the new indexes first with CREATE INDEX CONCURRENTLY if the column "
                       "has large ones, or run it while the table is quiet")
          .at_most(lint::Severity::warning);
      return;
    }
    std::string why = computed ? "its USING expression is computed for every row"
                               : "the new type is not binary-compatible with the old one";
    out.report(range,
               what + " rewrites existing table " + table.display() +
                   " and its indexes under an ACCESS EXCLUSIVE lock (no reads or writes until it "
                   "is done): " +
                   why,
               "add a new column of the new type, fill it in batches (and keep it in step with a "
               "trigger), switch readers and writers to it, then drop the old one");
  });
}

}  // namespace

lint::Rule ban_alter_column_type() {
  return {.info = {.id = "ban-alter-column-type",
                   .category = lint::Category::safety,
                   .severity = lint::Severity::error,
                   .summary = "ALTER COLUMN TYPE rewrites an existing table unless the change is "
                              "binary-compatible"},
          .check_file = check};
}

}  // namespace sqlgate::rules
