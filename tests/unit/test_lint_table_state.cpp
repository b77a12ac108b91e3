#include <gtest/gtest.h>

#include "lint/catalog.h"
#include "lint/table_state.h"

namespace sqlgate::lint {
namespace {

SourceFile source(std::string text, std::string name) {
  SourceFile file;
  file.path = name;
  file.display = name;
  file.text = std::move(text);
  classify(file);
  return file;
}

// A migration set parsed into a Project, with a FileContext for one of its files.
class Fixture {
 public:
  // with_catalog: the project gets the catalog replay of its migrations, as lint() gives it.
  explicit Fixture(std::vector<SourceFile> files, bool with_catalog = false)
      : m_set(make_set(std::move(files))) {
    std::vector<std::unique_ptr<ParsedFile>> parsed;
    for (const auto& file : m_set.files) parsed.push_back(ParsedFile::parse(file));
    m_project = std::make_unique<Project>(m_set, std::move(parsed), 15);
    if (with_catalog) m_project->set_catalog(Catalog::build(*m_project));
  }
  explicit Fixture(std::string text) : Fixture({source(std::move(text), "1_x.up.sql")}) {}

  FileContext context(std::size_t index = 0) const {
    return FileContext{*m_project, index, *m_project->parsed(index)};
  }
  const ParsedFile& file(std::size_t index = 0) const { return *m_project->parsed(index); }
  // The n-th statement of a file, in file order (DO blocks' statements included).
  const Statement& at(std::size_t n, std::size_t index = 0) const {
    return *file(index).all_statements().at(n);
  }
  std::size_t index_of(const std::string& name) const {
    for (std::size_t i = 0; i < m_set.files.size(); ++i) {
      if (m_set.files[i].display == name) return i;
    }
    ADD_FAILURE() << "no file " << name;
    return 0;
  }

 private:
  MigrationSet m_set;
  std::unique_ptr<Project> m_project;
};

QualifiedName name(std::string schema, std::string table) {
  return QualifiedName{std::move(schema), std::move(table)};
}

TEST(TableState, TablesCreatedEarlierInTheFileAreNew) {
  Fixture fixture(
      "SELECT 1;\n"                                         // 0
      "CREATE TABLE IF NOT EXISTS invoices (id bigint);\n"  // 1
      "SELECT 2;\n"                                         // 2
      "DROP TABLE invoices;\n"                              // 3
      "SELECT 3;\n"                                         // 4
      "CREATE TABLE app.lines (id bigint);\n"               // 5
      "ALTER TABLE app.lines RENAME TO invoice_lines;\n"    // 6
      "SELECT 4;\n"                                         // 7
      "CREATE TABLE totals AS SELECT 1 AS n;\n"             // 8
      "SELECT 5;\n");                                       // 9
  FileContext context = fixture.context();
  TableState tables(context);
  EXPECT_FALSE(tables.is_new_table(name("", "invoices"), fixture.at(1)));  // not before itself
  EXPECT_TRUE(tables.is_new_table(name("", "invoices"), fixture.at(2)));
  EXPECT_TRUE(tables.is_new_table(name("public", "invoices"), fixture.at(2)));
  EXPECT_EQ(tables.created_by(name("", "invoices"), fixture.at(2)), &fixture.at(1));
  EXPECT_FALSE(tables.is_new_table(name("", "invoices"), fixture.at(4)));  // dropped since
  EXPECT_FALSE(tables.is_new_table(name("", "orders"), fixture.at(4)));
  // Renamed: the new name is new, the old one gone; schemas must agree when both are written.
  EXPECT_TRUE(tables.is_new_table(name("app", "invoice_lines"), fixture.at(7)));
  EXPECT_TRUE(tables.is_new_table(name("", "invoice_lines"), fixture.at(7)));
  EXPECT_FALSE(tables.is_new_table(name("billing", "invoice_lines"), fixture.at(7)));
  EXPECT_FALSE(tables.is_new_table(name("app", "lines"), fixture.at(7)));
  EXPECT_TRUE(tables.is_new_table(name("", "totals"), fixture.at(9)));
  // Asking about an earlier statement again replays from the start.
  EXPECT_TRUE(tables.is_new_table(name("", "invoices"), fixture.at(2)));
}

TEST(TableState, DoBlockStatementsCount) {
  Fixture fixture(
      "DO $$ BEGIN CREATE TABLE invoices (id bigint); END $$;\n"
      "CREATE INDEX invoices_id ON invoices (id);\n");
  FileContext context = fixture.context();
  TableState tables(context);
  // all_statements: the DO, the CREATE TABLE it runs, the CREATE INDEX.
  ASSERT_EQ(fixture.file().all_statements().size(), 3u);
  EXPECT_TRUE(tables.is_new_table(name("", "invoices"), fixture.at(2)));
}

TEST(TableState, ColumnTypesAndNewColumns) {
  Fixture fixture(
      "ALTER TABLE orders ADD COLUMN sku varchar(64);\n"          // 0
      "ALTER TABLE orders ALTER COLUMN sku TYPE varchar(128);\n"  // 1
      "ALTER TABLE orders RENAME COLUMN sku TO code;\n"           // 2
      "ALTER TABLE orders DROP COLUMN note;\n"                    // 3
      "ALTER TABLE orders RENAME TO purchases;\n"                 // 4
      "SELECT 1;\n");                                             // 5
  FileContext context = fixture.context();
  TableState tables(context);
  EXPECT_EQ(tables.column_type(name("", "orders"), "sku", fixture.at(0)), std::nullopt);
  auto added = tables.column_type(name("", "orders"), "sku", fixture.at(1));
  ASSERT_TRUE(added);
  EXPECT_EQ(added->display(), "varchar(64)");
  auto renamed = tables.column_type(name("", "orders"), "code", fixture.at(3));
  ASSERT_TRUE(renamed);
  EXPECT_EQ(renamed->display(), "varchar(128)");
  EXPECT_EQ(tables.column_type(name("", "orders"), "sku", fixture.at(3)), std::nullopt);
  EXPECT_TRUE(tables.is_new_column(name("", "orders"), "code", fixture.at(3)));
  EXPECT_FALSE(tables.is_new_column(name("", "orders"), "total", fixture.at(3)));
  // The table was there before the migration: adding a column does not make it new.
  EXPECT_FALSE(tables.is_new_table(name("", "orders"), fixture.at(3)));
  // Followed through the table's rename.
  EXPECT_TRUE(tables.is_new_column(name("", "purchases"), "code", fixture.at(5)));
  EXPECT_FALSE(tables.is_new_column(name("", "orders"), "code", fixture.at(5)));
}

TEST(TableState, IndexesAndTheirTables) {
  Fixture fixture(
      "CREATE UNIQUE INDEX CONCURRENTLY orders_ref ON app.orders (tenant_id, ref);\n"   // 0
      "CREATE UNIQUE INDEX orders_code ON app.orders (code) WHERE code IS NOT NULL;\n"  // 1
      "CREATE UNIQUE INDEX orders_lower ON app.orders (lower(email));\n"                // 2
      "CREATE UNIQUE INDEX orders_desc ON app.orders (placed_at DESC);\n"               // 3
      "SELECT 1;\n"                                                                     // 4
      "ALTER INDEX app.orders_ref RENAME TO orders_tenant_ref;\n"                       // 5
      "SELECT 2;\n"                                                                     // 6
      "DROP INDEX app.orders_tenant_ref;\n"                                             // 7
      "SELECT 3;\n");                                                                   // 8
  FileContext context = fixture.context();
  TableState tables(context);
  auto table = tables.table_of_index(name("", "orders_ref"), fixture.at(4));
  ASSERT_TRUE(table);
  EXPECT_EQ(table->display(), "app.orders");
  EXPECT_FALSE(tables.table_of_index(name("", "orders_missing"), fixture.at(4)));

  auto adoptable = tables.unique_index(name("", "orders"), {"tenant_id", "ref"}, fixture.at(4));
  ASSERT_TRUE(adoptable);
  EXPECT_EQ(adoptable->name.name, "orders_ref");
  EXPECT_EQ(adoptable->created_by, &fixture.at(0));
  // Order matters; partial, expression and DESC indexes cannot back a constraint.
  EXPECT_FALSE(tables.unique_index(name("", "orders"), {"ref", "tenant_id"}, fixture.at(4)));
  EXPECT_FALSE(tables.unique_index(name("", "orders"), {"code"}, fixture.at(4)));
  EXPECT_FALSE(tables.unique_index(name("", "orders"), {"placed_at"}, fixture.at(4)));
  EXPECT_FALSE(tables.unique_index(name("other", "orders"), {"tenant_id", "ref"}, fixture.at(4)));

  auto renamed = tables.unique_index(name("", "orders"), {"tenant_id", "ref"}, fixture.at(6));
  ASSERT_TRUE(renamed);
  EXPECT_EQ(renamed->name.name, "orders_tenant_ref");
  EXPECT_FALSE(tables.unique_index(name("", "orders"), {"tenant_id", "ref"}, fixture.at(8)));
}

TEST(TableState, ADownLearnsIndexTablesFromItsUp) {
  Fixture fixture(
      {source("CREATE INDEX IF NOT EXISTS orders_state ON orders (state);\n", "7_state.up.sql"),
       source("DROP INDEX IF EXISTS orders_state;\n", "7_state.down.sql")});
  ASSERT_EQ(fixture.file(1).source().role(), Direction::down);
  FileContext context = fixture.context(1);
  TableState tables(context);
  auto table = tables.table_of_index(name("", "orders_state"), fixture.at(0, 1));
  ASSERT_TRUE(table);
  EXPECT_EQ(table->name, "orders");
}

TEST(TableState, NotNullChecks) {
  Fixture fixture(
      "ALTER TABLE orders ADD CONSTRAINT a_nn CHECK (a IS NOT NULL) NOT VALID;\n"         // 0
      "SELECT 1;\n"                                                                       // 1
      "ALTER TABLE orders VALIDATE CONSTRAINT a_nn;\n"                                    // 2
      "ALTER TABLE orders ADD CONSTRAINT b_ok CHECK (b > 0 AND NOT (b IS NULL));\n"       // 3
      "ALTER TABLE orders ADD CONSTRAINT c_or CHECK (c IS NOT NULL OR d IS NOT NULL);\n"  // 4
      "SELECT 2;\n"                                                                       // 5
      "ALTER TABLE orders DROP CONSTRAINT a_nn;\n"                                        // 6
      "SELECT 3;\n");                                                                     // 7
  FileContext context = fixture.context();
  TableState tables(context);
  EXPECT_FALSE(tables.has_not_null_check(name("", "orders"), "a", fixture.at(1)));  // NOT VALID
  EXPECT_TRUE(tables.has_not_null_check(name("", "orders"), "a", fixture.at(5)));
  EXPECT_TRUE(tables.has_not_null_check(name("", "orders"), "b", fixture.at(5)));
  EXPECT_FALSE(
      tables.has_not_null_check(name("", "orders"), "c", fixture.at(5)));  // OR proves nothing
  EXPECT_FALSE(tables.has_not_null_check(name("", "customers"), "a", fixture.at(5)));
  EXPECT_FALSE(tables.has_not_null_check(name("", "orders"), "a", fixture.at(7)));  // dropped
}

// The migrations before a file, through the catalog: the type each column had before the
// statement, followed through renames of the column, changes of its type and serial types.
std::vector<SourceFile> typed_history() {
  return {source("CREATE TABLE IF NOT EXISTS t (id bigserial PRIMARY KEY, mail varchar(20),\n"
                 "  amount numeric(10,2), body text);\n",
                 "1_t.up.sql"),
          source("DROP TABLE IF EXISTS t;\n", "1_t.down.sql"),
          source("ALTER TABLE t RENAME COLUMN mail TO email;\n"
                 "ALTER TABLE t ALTER COLUMN amount TYPE numeric(14,2);\n"
                 "ALTER TABLE t ADD COLUMN IF NOT EXISTS note varchar(5);\n",
                 "2_change.up.sql"),
          source("ALTER TABLE t DROP COLUMN IF EXISTS note;\n"
                 "ALTER TABLE t ALTER COLUMN amount TYPE numeric(10,2);\n"
                 "ALTER TABLE t RENAME COLUMN email TO mail;\n",
                 "2_change.down.sql"),
          source("ALTER TABLE t ALTER COLUMN email TYPE varchar(50);\n"     // 0
                 "ALTER TABLE t ALTER COLUMN amount TYPE numeric(16,2);\n"  // 1
                 "ALTER TABLE t ALTER COLUMN id TYPE bigint;\n"             // 2
                 "ALTER TABLE t ALTER COLUMN note TYPE text;\n"             // 3
                 "ALTER TABLE t ALTER COLUMN gone TYPE text;\n"             // 4
                 "ALTER TABLE elsewhere ALTER COLUMN x TYPE text;\n"        // 5
                 "ALTER TABLE t ALTER COLUMN email TYPE varchar(60);\n",    // 6
                 "3_widen.up.sql"),
          source("ALTER TABLE t ALTER COLUMN email TYPE varchar(20);\n", "3_widen.down.sql")};
}

TEST(TableState, EarlierMigrationsGiveColumnTypesThroughTheCatalog) {
  Fixture fixture(typed_history(), true);
  std::size_t up = fixture.index_of("3_widen.up.sql");
  FileContext context = fixture.context(up);
  TableState tables(context);
  auto type_at = [&](std::string_view column, std::size_t n) {
    auto type = tables.column_type(name("", "t"), column, fixture.at(n, up));
    return type ? type->display() : std::string("unknown");
  };
  EXPECT_EQ(type_at("email", 0), "varchar(20)");     // defined as mail, renamed since
  EXPECT_EQ(type_at("amount", 1), "numeric(14,2)");  // changed by the migration before
  EXPECT_EQ(type_at("id", 2), "bigint");             // bigserial is a bigint
  EXPECT_EQ(type_at("note", 3), "varchar(5)");       // added by ALTER TABLE
  EXPECT_EQ(type_at("gone", 4), "unknown");
  EXPECT_EQ(type_at("x", 5), "unknown");
  EXPECT_EQ(type_at("email", 6), "varchar(50)");  // this file's own change
  auto qualified = tables.column_type(name("public", "t"), "email", fixture.at(0, up));
  ASSERT_TRUE(qualified);
  EXPECT_EQ(qualified->display(), "varchar(20)");
  EXPECT_FALSE(tables.column_type(name("other", "t"), "email", fixture.at(0, up)));

  // A down starts from the state its up left.
  std::size_t down = fixture.index_of("3_widen.down.sql");
  FileContext down_context = fixture.context(down);
  TableState down_tables(down_context);
  auto before_down = down_tables.column_type(name("", "t"), "email", fixture.at(0, down));
  ASSERT_TRUE(before_down);
  EXPECT_EQ(before_down->display(), "varchar(60)");

  // Without the catalog, only the file speaks.
  Fixture alone(typed_history());
  FileContext alone_context = alone.context(up);
  TableState file_only(alone_context);
  EXPECT_FALSE(file_only.column_type(name("", "t"), "email", alone.at(0, up)));
}

TEST(TableState, ColumnCollationsComeWithTheirTypes) {
  Fixture fixture(
      {source("CREATE TABLE IF NOT EXISTS t (a text, b text COLLATE \"C\", c varchar(32),\n"
              "  d int, e name, f text COLLATE pg_catalog.\"POSIX\", g money_text);\n"
              "ALTER TABLE t ALTER COLUMN c TYPE text COLLATE app.ci;\n",
              "1_t.up.sql"),
       source("DROP TABLE IF EXISTS t;\n", "1_t.down.sql"),
       source("ALTER TABLE t ALTER COLUMN a TYPE text;\n"                      // 0
              "ALTER TABLE t ALTER COLUMN b TYPE text;\n"                      // 1
              "ALTER TABLE t ALTER COLUMN c TYPE text;\n"                      // 2
              "ALTER TABLE t ALTER COLUMN d TYPE bigint;\n"                    // 3
              "ALTER TABLE t ALTER COLUMN e TYPE name;\n"                      // 4
              "ALTER TABLE t ALTER COLUMN f TYPE text;\n"                      // 5
              "ALTER TABLE t ALTER COLUMN g TYPE text;\n"                      // 6
              "ALTER TABLE t ALTER COLUMN b TYPE varchar(9) COLLATE \"C\";\n"  // 7
              "ALTER TABLE t ALTER COLUMN b TYPE text;\n",                     // 8
              "2_t.up.sql"),
       source("SELECT 1;\n", "2_t.down.sql")},
      true);
  std::size_t up = fixture.index_of("2_t.up.sql");
  FileContext context = fixture.context(up);
  TableState tables(context);
  auto collation_at = [&](std::string_view column, std::size_t n) {
    auto collation = tables.column_collation(name("", "t"), column, fixture.at(n, up));
    if (!collation) return std::string("unknown");
    return collation->name.empty() ? std::string("none") : collation->sql();
  };
  EXPECT_EQ(collation_at("a", 0), "\"default\"");  // text's own
  EXPECT_EQ(collation_at("b", 1), "\"C\"");        // its COLLATE
  EXPECT_EQ(collation_at("c", 2), "app.ci");       // its last ALTER COLUMN ... TYPE's
  EXPECT_EQ(collation_at("d", 3), "none");         // integer is not collatable
  EXPECT_EQ(collation_at("e", 4), "\"C\"");        // name's own
  EXPECT_EQ(collation_at("f", 5), "\"POSIX\"");    // pg_catalog dropped
  EXPECT_EQ(collation_at("g", 6), "unknown");      // a type sqlgate does not know
  EXPECT_EQ(collation_at("b", 8), "\"C\"");        // this file's own change
  // Each ALTER COLUMN ... TYPE gives it anew: without COLLATE, the type's default.
  Fixture after(
      {source("CREATE TABLE IF NOT EXISTS t (b text COLLATE \"C\");\n"
              "ALTER TABLE t ALTER COLUMN b TYPE text;\n"
              "SELECT 1;\n",
              "1_t.up.sql")});
  FileContext after_context = after.context();
  TableState after_tables(after_context);
  auto reset = after_tables.column_collation(name("", "t"), "b", after.at(2));
  ASSERT_TRUE(reset);
  EXPECT_EQ(reset->sql(), "\"default\"");
}

TEST(TableState, EarlierMigrationsProveNotNullThroughTheCatalog) {
  Fixture fixture(
      {source("CREATE TABLE IF NOT EXISTS t (a int CHECK (a IS NOT NULL), b int, c int, d int,\n"
              "  e int, f int, g int);\n",
              "1_t.up.sql"),
       source("ALTER TABLE t ADD CONSTRAINT t_b CHECK (b IS NOT NULL) NOT VALID;\n"
              "ALTER TABLE t ADD CONSTRAINT t_c CHECK (c IS NOT NULL) NOT VALID;\n"
              "ALTER TABLE t ADD CONSTRAINT t_d CHECK (d > 0 AND d IS NOT NULL);\n"
              "ALTER TABLE t ADD CONSTRAINT t_e CHECK (e IS NOT NULL);\n"
              "ALTER TABLE t ADD CONSTRAINT t_g CHECK (g IS NOT NULL);\n"
              "ALTER TABLE t ADD CHECK (f IS NOT NULL OR g > 0);\n",
              "2_checks.up.sql"),
       source("ALTER TABLE t VALIDATE CONSTRAINT t_b;\n"
              "ALTER TABLE t DROP CONSTRAINT t_e;\n"
              "ALTER TABLE t RENAME COLUMN d TO dd;\n",
              "3_validate.up.sql"),
       source("ALTER TABLE t ALTER COLUMN a SET NOT NULL;\n"
              "ALTER TABLE t ALTER COLUMN b SET NOT NULL;\n"
              "ALTER TABLE t ALTER COLUMN c SET NOT NULL;\n"
              "ALTER TABLE t ALTER COLUMN dd SET NOT NULL;\n"
              "ALTER TABLE t ALTER COLUMN e SET NOT NULL;\n"
              "ALTER TABLE t ALTER COLUMN f SET NOT NULL;\n"
              "ALTER TABLE t ALTER COLUMN g SET NOT NULL;\n"
              "ALTER TABLE u ALTER COLUMN a SET NOT NULL;\n",
              "4_set.up.sql"),
       source("ALTER TABLE t ALTER COLUMN g SET NOT NULL;\n"
              "ALTER TABLE t DROP CONSTRAINT t_g;\n"
              "ALTER TABLE t ALTER COLUMN g SET NOT NULL;\n",
              "4_set.down.sql")},
      true);
  std::size_t up = fixture.index_of("4_set.up.sql");
  FileContext context = fixture.context(up);
  TableState tables(context);
  auto proven = [&](std::string_view column, std::size_t n) {
    return tables.has_not_null_check(name("", "t"), column, fixture.at(n, up));
  };
  EXPECT_TRUE(proven("a", 0));   // written in CREATE TABLE: valid from the start
  EXPECT_TRUE(proven("b", 1));   // NOT VALID, validated since
  EXPECT_FALSE(proven("c", 2));  // still NOT VALID
  EXPECT_TRUE(proven("dd", 3));  // the check follows the column's rename
  EXPECT_FALSE(proven("e", 4));  // dropped
  EXPECT_FALSE(proven("f", 5));  // OR proves nothing
  EXPECT_TRUE(proven("g", 6));
  EXPECT_FALSE(tables.has_not_null_check(name("", "u"), "a", fixture.at(7, up)));

  // A down that drops the check first.
  std::size_t down = fixture.index_of("4_set.down.sql");
  FileContext down_context = fixture.context(down);
  TableState down_tables(down_context);
  EXPECT_TRUE(down_tables.has_not_null_check(name("", "t"), "g", fixture.at(0, down)));
  EXPECT_FALSE(down_tables.has_not_null_check(name("", "t"), "g", fixture.at(2, down)));
}

// NOT NULL as the earlier migrations and the file before the statement leave a column: its
// definition, a PRIMARY KEY of its table (kept when the key is dropped), SET / DROP NOT NULL.
TEST(TableState, ColumnsAlreadyNotNull) {
  Fixture fixture(
      {source("CREATE TABLE IF NOT EXISTS t (id bigint, a text NOT NULL, b text, c text,\n"
              "  d text NOT NULL, s serial, PRIMARY KEY (id));\n"
              "CREATE TABLE IF NOT EXISTS u AS SELECT 1 AS x;\n",
              "1_t.up.sql"),
       source("DROP TABLE IF EXISTS u;\nDROP TABLE IF EXISTS t;\n", "1_t.down.sql"),
       source("ALTER TABLE t DROP CONSTRAINT t_pkey;\n"
              "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (b);\n"
              "ALTER TABLE t ALTER COLUMN d DROP NOT NULL;\n",
              "2_keys.up.sql"),
       source("SELECT 1;\n", "2_keys.down.sql"),
       source("ALTER TABLE t ALTER COLUMN id SET NOT NULL;\n"  // 0
              "ALTER TABLE t ALTER COLUMN a SET NOT NULL;\n"   // 1
              "ALTER TABLE t ALTER COLUMN b SET NOT NULL;\n"   // 2
              "ALTER TABLE t ALTER COLUMN c SET NOT NULL;\n"   // 3
              "ALTER TABLE t ALTER COLUMN d SET NOT NULL;\n"   // 4
              "ALTER TABLE t ALTER COLUMN s SET NOT NULL;\n"   // 5
              "ALTER TABLE u ALTER COLUMN x SET NOT NULL;\n"   // 6
              "ALTER TABLE t ALTER COLUMN a DROP NOT NULL;\n"  // 7
              "ALTER TABLE t ALTER COLUMN a SET NOT NULL;\n"   // 8
              "ALTER TABLE t ADD COLUMN e text NOT NULL;\n"    // 9
              "ALTER TABLE t ALTER COLUMN e SET NOT NULL;\n",  // 10
              "3_set.up.sql"),
       source("SELECT 1;\n", "3_set.down.sql")},
      true);
  std::size_t up = fixture.index_of("3_set.up.sql");
  FileContext context = fixture.context(up);
  TableState tables(context);
  auto not_null = [&](std::string_view table, std::string_view column, std::size_t n) {
    return tables.is_not_null(name("", std::string(table)), column, fixture.at(n, up));
  };
  EXPECT_TRUE(not_null("t", "id", 0));  // its primary key was dropped: NOT NULL stays
  EXPECT_TRUE(not_null("t", "a", 1));   // declared
  EXPECT_TRUE(not_null("t", "b", 2));   // primary key added since
  EXPECT_FALSE(not_null("t", "c", 3));
  EXPECT_FALSE(not_null("t", "d", 4));  // dropped since
  EXPECT_TRUE(not_null("t", "s", 5));   // serial
  EXPECT_FALSE(not_null("u", "x", 6));  // CREATE TABLE AS: not known
  EXPECT_FALSE(not_null("t", "a", 8));  // this file dropped it
  EXPECT_TRUE(not_null("t", "e", 10));  // this file added it NOT NULL
}

TEST(TableState, AnIndexOnExpressionsOfAnEarlierMigrationCannotBackAConstraint) {
  // The catalog names an expression's column as PostgreSQL would ("lower"): the CREATE INDEX
  // says it is an expression.
  Fixture fixture({source("CREATE TABLE customers (id bigint, email text, code text);\n"
                          "CREATE UNIQUE INDEX customers_email_lower_key ON customers "
                          "(lower(email));\n"
                          "CREATE UNIQUE INDEX customers_code_key ON customers (code);\n",
                          "1_a.up.sql"),
                   source("DROP TABLE customers;\n", "1_a.down.sql"),
                   source("ALTER TABLE customers ADD CONSTRAINT customers_email_lower_key "
                          "UNIQUE USING INDEX customers_email_lower_key;\n",
                          "2_b.up.sql"),
                   source("SELECT 1;\n", "2_b.down.sql")},
                  true);
  std::size_t up = fixture.index_of("2_b.up.sql");
  FileContext context = fixture.context(up);
  auto expressions = unadoptable_index(context, fixture.at(0, up), name("", "customers"),
                                       "customers_email_lower_key");
  ASSERT_TRUE(expressions);
  EXPECT_EQ(expressions->reason, Unadoptable::Reason::expressions);
  EXPECT_EQ(expressions->message, "index \"customers_email_lower_key\" contains expressions");
  EXPECT_FALSE(
      unadoptable_index(context, fixture.at(0, up), name("", "customers"), "customers_code_key"));
}

TEST(TableState, Domains) {
  Fixture fixture(
      "CREATE DOMAIN positive AS integer CHECK (VALUE > 0);\n"
      "CREATE DOMAIN label AS text;\n"
      "SELECT 1;\n"
      "DROP DOMAIN positive;\n"
      "SELECT 2;\n");
  FileContext context = fixture.context();
  TableState tables(context);
  EXPECT_EQ(tables.domain_has_constraints(name("", "positive"), fixture.at(2)), true);
  EXPECT_EQ(tables.domain_has_constraints(name("", "label"), fixture.at(2)), false);
  EXPECT_TRUE(tables.is_new_domain(name("", "label"), fixture.at(2)));
  EXPECT_EQ(tables.domain_has_constraints(name("", "email"), fixture.at(2)), std::nullopt);
  EXPECT_FALSE(tables.is_new_domain(name("", "positive"), fixture.at(4)));
}

}  // namespace
}  // namespace sqlgate::lint

TEST(TableState, MentionsFindsAWholeWordInAnyCase) {
  EXPECT_TRUE(sqlgate::lint::mentions("SELECT 'post'::RegClass", "regclass"));
  EXPECT_TRUE(sqlgate::lint::mentions("regclass", "regclass"));
  EXPECT_TRUE(sqlgate::lint::mentions("x::pg_catalog.REGCLASS;", "regclass"));
  EXPECT_FALSE(sqlgate::lint::mentions("SELECT to_regclass('post')", "regclass"));
  EXPECT_FALSE(sqlgate::lint::mentions("SELECT 'x'::regclasses", "regclass"));
  EXPECT_FALSE(sqlgate::lint::mentions("reg", "regclass"));
  EXPECT_FALSE(sqlgate::lint::mentions("regclass", ""));
  EXPECT_TRUE(sqlgate::lint::mentions("a regre regclass", "regclass"));
}
