// ban-alter-column-type: ALTER COLUMN ... TYPE that rewrites an existing table under ACCESS
// EXCLUSIVE. The binary-compatible changes PostgreSQL makes without a rewrite are left alone.
#include "lint/pg_facts.h"
#include "lint/rule.h"
#include "lint/table_state.h"

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
    std::string column(cmd.str("name"));
    lint::Node def = cmd.get("def");
    lint::ColumnType target = lint::column_type(def.get("typeName"));
    if (!zones) zones = zone_settings(file);
    lint::TypeChangeContext change_context{context.pg_version(), session_utc(*zones, statement)};
    std::optional<lint::ColumnType> source = tables.column_type(table, column, statement);
    // An extension's type (citext aside), a domain or an enum: its casts (an enum to text is not
    // binary-compatible) are not known here, so it counts as no source at all.
    std::optional<lint::ColumnType> unmodelled;
    if (source && !lint::has_known_casts(*source)) {
      unmodelled = std::move(source);
      source.reset();
    }
    lint::Node expression = def.get("raw_default");
    bool computed = expression.valid() && !using_is_plain(expression, column);

    lint::TypeChange change = lint::TypeChange::rewrite;
    if (!computed && source) change = lint::type_change(*source, target, change_context);
    if (change == lint::TypeChange::no_rewrite) return;

    std::string what = "ALTER COLUMN " + column + " TYPE " + target.display();
    if (source) what += " (from " + source->display() + ")";
    lint::TextRange range = lint::alter_command_range(file, statement, i);
    if (!computed && !source && lint::reachable_without_rewrite(target, change_context)) {
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
                     " but rebuilds every index on the column under ACCESS EXCLUSIVE",
                 "build the new indexes first with CREATE INDEX CONCURRENTLY if the column has "
                 "large ones, or run it while the table is quiet")
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
