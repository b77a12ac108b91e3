#include <gtest/gtest.h>

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
  explicit Fixture(std::vector<SourceFile> files) : m_set(make_set(std::move(files))) {
    std::vector<std::unique_ptr<ParsedFile>> parsed;
    for (const auto& file : m_set.files) parsed.push_back(ParsedFile::parse(file));
    m_project = std::make_unique<Project>(m_set, std::move(parsed), 15);
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
