// The catalog replay: the schema the ups build, in version order, and each down checked against
// the state after its up.
#include <algorithm>
#include <chrono>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "lint/catalog.h"

namespace sqlgate::lint {
namespace {

// A migration set in memory: (file name, text) pairs.
MigrationSet memory_set(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<SourceFile> sources;
  for (const auto& [name, text] : files) {
    SourceFile source;
    source.path = name;
    source.display = name;
    source.text = text;
    classify(source);
    sources.push_back(std::move(source));
  }
  return make_set(std::move(sources));
}

// A migration set in memory, parsed, with its catalog.
class Replay {
 public:
  explicit Replay(std::vector<std::pair<std::string, std::string>> files) {
    m_set = memory_set(files);
    std::vector<std::unique_ptr<ParsedFile>> parsed;
    for (const auto& file : m_set.files) parsed.push_back(ParsedFile::parse(file));
    m_project = std::make_unique<Project>(m_set, std::move(parsed), 15);
    m_catalog = Catalog::build(*m_project);
  }

  const Catalog& catalog() const { return *m_catalog; }
  const Project& project() const { return *m_project; }
  std::size_t file(const std::string& name) const {
    auto at = m_set.find(name);
    EXPECT_GE(at, 0) << name;
    return static_cast<std::size_t>(at);
  }

 private:
  MigrationSet m_set;
  std::unique_ptr<Project> m_project;
  std::shared_ptr<const Catalog> m_catalog;
};

ObjectRef table(std::string name, std::string schema = "public") {
  return ObjectRef{ObjectKind::table, std::move(schema), std::move(name), {}, {}};
}

ObjectRef ref(ObjectKind kind, std::string name, std::string parent = {}) {
  return ObjectRef{kind, "public", std::move(name), std::move(parent), {}};
}

std::vector<std::string> names(const Catalog& catalog, const std::vector<ObjectId>& ids, Tick at) {
  std::vector<std::string> result;
  for (ObjectId id : ids) result.push_back(catalog.object(id).ref_at(at).name);
  return result;
}

const std::string k_campaigns_up = R"sql(
CREATE TABLE IF NOT EXISTS campaigns (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS campaign_targets (
  id bigserial PRIMARY KEY,
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  target text NOT NULL
);
CREATE INDEX IF NOT EXISTS campaign_targets_campaign_id_idx ON campaign_targets (campaign_id);
)sql";

TEST(LintCatalog, ReplaysUpsInVersionOrder) {
  Replay replay({{"2_targets.up.sql", "ALTER TABLE campaigns ADD COLUMN owner text;"},
                 {"1_campaigns.up.sql", k_campaigns_up},
                 {"3_drop.up.sql", "DROP TABLE campaign_targets;"}});
  const Catalog& catalog = replay.catalog();
  std::size_t first = replay.file("1_campaigns.up.sql");
  std::size_t second = replay.file("2_targets.up.sql");
  std::size_t third = replay.file("3_drop.up.sql");

  EXPECT_FALSE(catalog.existed_before(table("campaigns"), first));
  EXPECT_TRUE(catalog.existed_before(table("campaigns"), second));
  auto origin = catalog.created_by(table("campaigns"), catalog.end());
  ASSERT_TRUE(origin);
  EXPECT_EQ(origin->file, first);
  EXPECT_EQ(origin->statement, 0u);

  Tick after_second = catalog.after_up(second);
  EXPECT_EQ(names(catalog, catalog.columns(table("campaigns"), after_second), after_second),
            (std::vector<std::string>{"id", "name", "owner"}));
  EXPECT_EQ(names(catalog, catalog.columns(table("campaigns"), catalog.before(second)),
                  catalog.before(second)),
            (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(
      names(catalog, catalog.constraints(table("campaign_targets"), after_second), after_second),
      (std::vector<std::string>{"campaign_targets_pkey", "campaign_targets_campaign_id_fkey"}));
  EXPECT_EQ(
      names(catalog, catalog.indexes(table("campaign_targets"), after_second), after_second),
      (std::vector<std::string>{"campaign_targets_pkey", "campaign_targets_campaign_id_idx"}));

  // The drop takes the table's columns, constraints, indexes and sequence.
  EXPECT_TRUE(catalog.existed_before(ref(ObjectKind::sequence, "campaign_targets_id_seq"), third));
  EXPECT_EQ(catalog.find(table("campaign_targets"), catalog.end()), k_no_object);
  EXPECT_EQ(catalog.find(ref(ObjectKind::index, "campaign_targets_campaign_id_idx"), catalog.end()),
            k_no_object);
  EXPECT_EQ(catalog.find(ref(ObjectKind::sequence, "campaign_targets_id_seq"), catalog.end()),
            k_no_object);
  EXPECT_EQ(catalog.find(ref(ObjectKind::constraint, "campaign_targets_campaign_id_fkey",
                             "campaign_targets"),
                         catalog.end()),
            k_no_object);
  EXPECT_NE(catalog.find(table("campaigns"), catalog.end()), k_no_object);
  const FileReplay& dropped = catalog.replay(third);
  ASSERT_EQ(dropped.steps.size(), 1u);
  EXPECT_TRUE(dropped.steps[0].blockers.empty());
  EXPECT_GE(dropped.steps[0].implied.size(), 8u);
}

TEST(LintCatalog, UpsBeforeATickAreTheEarlierUpsInTheOrderTheyRan) {
  Replay replay({{"3_c.up.sql", "CREATE TABLE c (id int);"},
                 {"3_c.down.sql", "DROP TABLE c;"},
                 {"1_a.up.sql", "CREATE TABLE a (id int);"},
                 {"1_a.down.sql", "DROP TABLE a;"},
                 {"2_b.up.sql", "CREATE TABLE b (id int);"},
                 {"2_b.down.sql", "DROP TABLE b;"}});
  const Catalog& catalog = replay.catalog();
  auto ups = [&](std::size_t file) {
    std::span<const std::size_t> found = catalog.ups_before(catalog.before(file));
    return std::vector<std::size_t>(found.begin(), found.end());
  };
  std::size_t a = replay.file("1_a.up.sql");
  std::size_t b = replay.file("2_b.up.sql");
  std::size_t c = replay.file("3_c.up.sql");
  EXPECT_TRUE(ups(a).empty());
  EXPECT_EQ(ups(b), (std::vector<std::size_t>{a}));
  EXPECT_EQ(ups(c), (std::vector<std::size_t>{a, b}));
  // before() of a down is the state before its up.
  EXPECT_EQ(ups(replay.file("2_b.down.sql")), (std::vector<std::size_t>{a}));
  std::span<const std::size_t> all = catalog.ups_before(catalog.end());
  EXPECT_EQ(std::vector<std::size_t>(all.begin(), all.end()), (std::vector<std::size_t>{a, b, c}));
}

TEST(LintCatalog, UniqueKeysForOnConflict) {
  Replay replay({{"1_a.up.sql",
                  "CREATE TABLE plain (a int, b int);"
                  "CREATE TABLE keyed (id int PRIMARY KEY, code text, x int, y int,"
                  "  UNIQUE (x, y));"
                  "CREATE TABLE indexed (code text);"
                  "CREATE UNIQUE INDEX indexed_code ON indexed (lower(code));"
                  "CREATE UNIQUE INDEX keyed_code ON keyed (code);"},
                 {"2_b.up.sql", "ALTER TABLE plain ADD CONSTRAINT plain_a UNIQUE (a);"}});
  const Catalog& catalog = replay.catalog();
  Tick first = catalog.after_up(replay.file("1_a.up.sql"));
  Tick second = catalog.after_up(replay.file("2_b.up.sql"));
  EXPECT_EQ(catalog.has_unique_key(table("plain"), first), false);
  EXPECT_EQ(catalog.has_unique_key(table("plain"), second), true);
  EXPECT_EQ(catalog.has_unique_key(table("keyed"), first), true);
  std::vector<std::string> id{"id"};
  std::vector<std::string> yx{"y", "x"};
  std::vector<std::string> code{"code"};
  std::vector<std::string> x{"x"};
  EXPECT_EQ(catalog.has_unique_key(table("keyed"), first, &id), true);
  EXPECT_EQ(catalog.has_unique_key(table("keyed"), first, &yx), true);
  EXPECT_EQ(catalog.has_unique_key(table("keyed"), first, &code), true);
  EXPECT_EQ(catalog.has_unique_key(table("keyed"), first, &x), false);
  EXPECT_EQ(catalog.has_unique_key(table("indexed"), first), true);
  EXPECT_EQ(catalog.has_unique_key(table("indexed"), first, &code), false);
  EXPECT_EQ(catalog.has_unique_key(table("unknown"), first), std::nullopt);
  // Before the migration that made the table, the catalog cannot say either.
  EXPECT_EQ(catalog.has_unique_key(table("plain"), catalog.before(replay.file("1_a.up.sql"))),
            std::nullopt);
}

TEST(LintCatalog, RenamesKeepTheObjectAndItsChildren) {
  Replay replay({{"1_a.up.sql", "CREATE TABLE a (id int PRIMARY KEY, code text);"},
                 {"2_b.up.sql",
                  "ALTER TABLE a RENAME TO b; ALTER TABLE b RENAME COLUMN code TO label;"
                  "ALTER TABLE b ADD CONSTRAINT b_label UNIQUE (label);"}});
  const Catalog& catalog = replay.catalog();
  Tick end = catalog.end();
  EXPECT_EQ(catalog.find(table("a"), end), k_no_object);
  ObjectId b = catalog.find(table("b"), end);
  ASSERT_NE(b, k_no_object);
  EXPECT_EQ(catalog.object(b).created.file, replay.file("1_a.up.sql"));
  EXPECT_EQ(names(catalog, catalog.columns(table("b"), end), end),
            (std::vector<std::string>{"id", "label"}));
  std::vector<std::string> label{"label"};
  EXPECT_EQ(catalog.has_unique_key(table("b"), end, &label), true);
  EXPECT_NE(catalog.find(ref(ObjectKind::constraint, "a_pkey", "b"), end), k_no_object);
}

TEST(LintCatalog, NamesAreFoundThroughRenamesDropsAndRelationKinds) {
  Replay replay({{"1_a.up.sql", "CREATE TABLE a (id int); CREATE VIEW v AS SELECT id FROM a;"},
                 {"2_b.up.sql", "ALTER TABLE a RENAME TO b; ALTER TABLE b RENAME TO a;"},
                 {"3_c.up.sql", "DROP VIEW v; CREATE TABLE v (x int);"}});
  const Catalog& catalog = replay.catalog();
  Tick end = catalog.end();
  ObjectId a = catalog.find(table("a"), end);
  ASSERT_NE(a, k_no_object);
  EXPECT_EQ(catalog.object(a).created.file, replay.file("1_a.up.sql")) << "renamed back";
  EXPECT_EQ(catalog.find(Catalog::NameRef(table("a")), end), a);
  EXPECT_EQ(catalog.find(Catalog::NameRef(ObjectKind::table, "public", {}, "a"), end), a);
  EXPECT_EQ(catalog.find(table("b"), end), k_no_object);
  EXPECT_TRUE(catalog.known(table("b")));
  EXPECT_FALSE(catalog.known(table("c")));
  // A table reference finds a view; after the drop, the table of that name.
  ObjectId view = catalog.find(table("v"), catalog.after_up(replay.file("1_a.up.sql")));
  ASSERT_NE(view, k_no_object);
  EXPECT_EQ(catalog.object(view).kind(), ObjectKind::view);
  ObjectId now = catalog.find(table("v"), end);
  ASSERT_NE(now, k_no_object);
  EXPECT_NE(now, view);
  EXPECT_EQ(catalog.object(now).kind(), ObjectKind::table);
  EXPECT_EQ(catalog.created_after(table("v"), catalog.after_up(replay.file("2_b.up.sql"))), now);
  EXPECT_EQ(catalog.find(ref(ObjectKind::foreign_table, "v"), end), k_no_object);
}

TEST(LintCatalog, SearchPathFindsObjectsInOtherSchemas) {
  Replay replay(
      {{"1_a.up.sql", "CREATE SCHEMA app; CREATE TABLE app.users (id int);"},
       {"2_b.up.sql", "SET search_path TO public, app; ALTER TABLE users ADD COLUMN x int;"}});
  const Catalog& catalog = replay.catalog();
  const FileReplay& second = catalog.replay(replay.file("2_b.up.sql"));
  ASSERT_FALSE(second.steps.empty());
  EXPECT_NE(second.steps[0].object, k_no_object);
  EXPECT_EQ(second.steps[0].effect.object.schema, "app");
}

TEST(LintCatalog, ImplicitNamesSeeTheNamesAlreadyTaken) {
  Replay replay({{"1_a.up.sql", "CREATE TABLE t_a_key (x int);"},
                 {"2_b.up.sql", "CREATE TABLE t (a int UNIQUE);"}});
  const Catalog& catalog = replay.catalog();
  EXPECT_NE(catalog.find(ref(ObjectKind::constraint, "t_a_key1", "t"), catalog.end()), k_no_object);
}

TEST(LintCatalog, CreateIfNotExistsOfAnExistingTableChangesNothing) {
  Replay replay({{"1_a.up.sql", "CREATE TABLE t (a int);"},
                 {"2_b.up.sql", "CREATE TABLE IF NOT EXISTS t (a int, b int UNIQUE);"}});
  const Catalog& catalog = replay.catalog();
  EXPECT_EQ(names(catalog, catalog.columns(table("t"), catalog.end()), catalog.end()),
            (std::vector<std::string>{"a"}));
  const FileReplay& second = catalog.replay(replay.file("2_b.up.sql"));
  ASSERT_FALSE(second.steps.empty());
  EXPECT_TRUE(second.steps[0].existed);
}

TEST(LintCatalog, DownsAreCheckedAgainstTheStateAfterTheirUp) {
  Replay replay({{"1_campaigns.up.sql", k_campaigns_up},
                 {"1_campaigns.down.sql",
                  "DROP TABLE campaigns;\nDROP INDEX campaign_targets_campaign_id_idx;\n"
                  "DROP TABLE campaign_targets;\nDROP INDEX IF EXISTS "
                  "campaign_targets_campaign_id_idx;\nDROP TABLE IF EXISTS nowhere;"}});
  const Catalog& catalog = replay.catalog();
  const FileReplay& down = catalog.replay(replay.file("1_campaigns.down.sql"));
  ASSERT_TRUE(down.replayed);
  EXPECT_EQ(down.direction, Direction::down);
  ASSERT_EQ(down.steps.size(), 5u);
  // DROP TABLE campaigns: the foreign key of campaign_targets still needs it.
  ASSERT_EQ(down.steps[0].blockers.size(), 1u);
  EXPECT_EQ(catalog.object(down.steps[0].blockers[0]).ref().name,
            "campaign_targets_campaign_id_fkey");
  // The index still exists when dropped on its own.
  EXPECT_NE(down.steps[1].object, k_no_object);
  EXPECT_TRUE(down.steps[2].blockers.empty());
  // After its table went, the index is gone: taken by step 2.
  EXPECT_EQ(down.steps[3].object, k_no_object);
  EXPECT_EQ(down.steps[3].dropped_by_step, 1);
  EXPECT_EQ(down.steps[4].object, k_no_object);
  EXPECT_FALSE(catalog.known(table("nowhere")));
  // The down does not change the replayed state.
  EXPECT_NE(catalog.find(table("campaigns"), catalog.end()), k_no_object);
}

TEST(LintCatalog, DownDropTakesItsDependentsAlong) {
  Replay replay({{"1_a.up.sql", k_campaigns_up},
                 {"1_a.down.sql",
                  "DROP TABLE campaign_targets;\nDROP INDEX campaign_targets_campaign_id_idx;\n"
                  "DROP TABLE campaigns CASCADE;"}});
  const Catalog& catalog = replay.catalog();
  const FileReplay& down = catalog.replay(replay.file("1_a.down.sql"));
  ASSERT_EQ(down.steps.size(), 3u);
  EXPECT_EQ(down.steps[1].object, k_no_object);
  EXPECT_EQ(down.steps[1].dropped_by_step, 0);
  EXPECT_TRUE(down.steps[2].blockers.empty());
}

TEST(LintCatalog, ViewsAndTriggersBlockDrops) {
  Replay replay({{"1_a.up.sql",
                  "CREATE TABLE t (id int); CREATE VIEW v AS SELECT * FROM t;"
                  "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; "
                  "END$$; CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();"},
                 {"1_a.down.sql", "DROP FUNCTION f(); DROP TABLE t; DROP VIEW v;"}});
  const Catalog& catalog = replay.catalog();
  const FileReplay& down = catalog.replay(replay.file("1_a.down.sql"));
  ASSERT_EQ(down.steps.size(), 3u);
  ASSERT_EQ(down.steps[0].blockers.size(), 1u);
  EXPECT_EQ(catalog.object(down.steps[0].blockers[0]).kind(), ObjectKind::trigger);
  ASSERT_EQ(down.steps[1].blockers.size(), 1u);
  EXPECT_EQ(catalog.object(down.steps[1].blockers[0]).kind(), ObjectKind::view);
}

TEST(LintCatalog, RulesSayWhatTheyDoAndWhatTheyReadAndWrite) {
  Replay replay({{"1_a.up.sql",
                  "CREATE TABLE orders (id int PRIMARY KEY, deleted_at timestamptz, note text);"
                  "CREATE TABLE log (id int, at timestamptz);"
                  "CREATE RULE soft AS ON DELETE TO orders DO INSTEAD "
                  "UPDATE orders SET deleted_at = now() WHERE id = OLD.id RETURNING orders.*;"
                  "CREATE RULE audit AS ON UPDATE TO orders WHERE NEW.id > 0 DO ALSO "
                  "(INSERT INTO log (id) VALUES (NEW.id); NOTIFY orders);"},
                 {"2_b.up.sql",
                  "CREATE OR REPLACE RULE soft AS ON DELETE TO orders DO INSTEAD NOTHING;"
                  "ALTER TABLE orders DISABLE RULE audit;"},
                 {"2_b.down.sql", "DROP RULE soft ON orders; DELETE FROM orders;"}});
  const Catalog& catalog = replay.catalog();
  std::size_t first = replay.file("1_a.up.sql");
  std::size_t second = replay.file("2_b.up.sql");
  Tick after_first = catalog.after_up(first);
  ObjectId orders = catalog.find(table("orders"), after_first);
  ObjectId log = catalog.find(table("log"), after_first);
  auto rules = catalog.rules(orders, after_first);
  ASSERT_EQ(rules.size(), 2u);
  const RuleFacts& soft = *rules[0].definition->facts;
  EXPECT_EQ(soft.event, Change::delete_rows);
  EXPECT_TRUE(soft.instead);
  EXPECT_FALSE(soft.conditional);
  EXPECT_TRUE(soft.returning());
  ASSERT_EQ(soft.actions.size(), 1u);
  EXPECT_EQ(soft.actions[0].command, Change::update);
  EXPECT_EQ(rules[0].definition->writes, (std::vector<ObjectId>{orders}));
  const RuleFacts& audit = *rules[1].definition->facts;
  EXPECT_EQ(audit.event, Change::update);
  EXPECT_FALSE(audit.instead);
  EXPECT_TRUE(audit.conditional);
  ASSERT_EQ(audit.actions.size(), 2u);
  EXPECT_EQ(audit.actions[1].command, Change::other);  // NOTIFY
  EXPECT_EQ(rules[1].definition->writes, (std::vector<ObjectId>{log, k_no_object}));
  EXPECT_EQ(catalog.rules(orders, after_first, Change::update).size(), 1u);
  // What each reads: the columns its actions and WHERE name (OLD.id, NEW.id: the table's own).
  auto reads = [&](ObjectId rule, Tick at) {
    std::vector<std::string> found;
    for (const auto& edge : catalog.object(rule).depends_on) {
      if (!edge.alive_at(at)) continue;
      const CatalogObject& object = catalog.object(edge.object);
      found.push_back(object.ref_at(at).display());
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
  };
  EXPECT_EQ(reads(rules[0].id, after_first),
            (std::vector<std::string>{"orders", "orders.deleted_at", "orders.id", "orders.note"}));
  EXPECT_EQ(reads(rules[1].id, after_first),
            (std::vector<std::string>{"log", "log.id", "orders.id"}));
  // CREATE OR REPLACE RULE: the new definition, and what it reads, from then on.
  Tick after_second = catalog.after_up(second);
  const RuleDefinition* replaced = catalog.object(rules[0].id).rule_at(after_second);
  ASSERT_NE(replaced, nullptr);
  EXPECT_TRUE(replaced->facts->actions.empty());
  EXPECT_TRUE(reads(rules[0].id, after_second).empty());
  // DISABLE RULE turns audit off; the down's DELETE comes after its DROP RULE soft.
  auto before_delete =
      rules_before(replay.project(), catalog, replay.file("2_b.down.sql"), 1, orders);
  ASSERT_EQ(before_delete.size(), 1u);
  EXPECT_EQ(before_delete[0].id, rules[1].id);
  EXPECT_FALSE(before_delete[0].fires);
  auto before_disable = rules_before(replay.project(), catalog, second, 1, orders);
  ASSERT_EQ(before_disable.size(), 2u);
  EXPECT_TRUE(before_disable[1].fires);
}

TEST(LintCatalog, UseBeforeCreateIsVisible) {
  Replay replay({{"1_a.up.sql", "ALTER TABLE later ADD COLUMN x int;"},
                 {"2_b.up.sql", "CREATE TABLE later (id int);"}});
  const Catalog& catalog = replay.catalog();
  std::size_t first = replay.file("1_a.up.sql");
  const FileReplay& up = catalog.replay(first);
  ASSERT_FALSE(up.steps.empty());
  EXPECT_EQ(up.steps[0].object, k_no_object);
  ObjectId later = catalog.created_after(table("later"), up.steps[0].tick);
  ASSERT_NE(later, k_no_object);
  EXPECT_EQ(catalog.object(later).created.file, replay.file("2_b.up.sql"));
}

TEST(LintCatalog, ANameLostSaysWhatTookIt) {
  Replay replay({{"1_a.up.sql", "CREATE SEQUENCE invoice_seq; CREATE TABLE t (a int);"},
                 {"2_b.up.sql",
                  "ALTER SEQUENCE IF EXISTS invoice_seq RENAME TO invoice_id_seq; "
                  "ALTER TABLE t RENAME TO t2;"},
                 {"3_c.up.sql", "DROP TABLE t2; CREATE SEQUENCE invoice_seq;"}});
  const Catalog& catalog = replay.catalog();
  Tick third = catalog.before(replay.file("3_c.up.sql"));
  auto renamed = catalog.lost_before(ref(ObjectKind::sequence, "invoice_seq"), third);
  ASSERT_TRUE(renamed.has_value());
  EXPECT_FALSE(renamed->dropped);
  EXPECT_EQ(renamed->by.file, replay.file("2_b.up.sql"));
  EXPECT_EQ(renamed->by.statement, 0u);
  EXPECT_EQ(renamed->renamed_to.name, "invoice_id_seq");
  // The column went with its table.
  auto column = catalog.lost_before(ref(ObjectKind::column, "a", "t"), third);
  ASSERT_TRUE(column.has_value());
  EXPECT_EQ(column->by.statement, 1u);
  EXPECT_EQ(column->renamed_to.parent, "t2");
  auto dropped = catalog.lost_before(table("t2"), catalog.end());
  ASSERT_TRUE(dropped.has_value());
  EXPECT_TRUE(dropped->dropped);
  EXPECT_EQ(dropped->by.file, replay.file("3_c.up.sql"));
  // Made again, or never made: nothing was lost.
  EXPECT_FALSE(catalog.lost_before(ref(ObjectKind::sequence, "invoice_seq"), catalog.end()));
  EXPECT_FALSE(catalog.lost_before(table("never"), catalog.end()));
}

TEST(LintCatalog, AMappingHoldsItsDictionaryWhileATokenTypeMapsToIt) {
  Replay replay(
      {{"1_a.up.sql",
        "CREATE TEXT SEARCH CONFIGURATION cfg (COPY = english); "
        "CREATE TEXT SEARCH DICTIONARY d (TEMPLATE = simple); "
        "CREATE TEXT SEARCH DICTIONARY d2 (TEMPLATE = simple); "
        "ALTER TEXT SEARCH CONFIGURATION cfg ALTER MAPPING FOR asciiword, word WITH d;"},
       {"1_a.down.sql",
        "ALTER TEXT SEARCH CONFIGURATION cfg ALTER MAPPING FOR asciiword WITH english_stem; "
        "DROP TEXT SEARCH DICTIONARY d; "
        "ALTER TEXT SEARCH CONFIGURATION cfg DROP MAPPING FOR word; "
        "DROP TEXT SEARCH DICTIONARY d;"},
       {"2_b.up.sql",
        "ALTER TEXT SEARCH CONFIGURATION cfg ALTER MAPPING FOR asciiword WITH english_stem; "
        "DROP TEXT SEARCH DICTIONARY d2; "
        "ALTER TEXT SEARCH CONFIGURATION cfg ALTER MAPPING REPLACE d WITH d2; "
        "DROP TEXT SEARCH DICTIONARY d;"},
       {"2_b.down.sql", "SELECT 1;"}});
  const Catalog& catalog = replay.catalog();
  // The down: word still maps to d after asciiword is mapped back, then no token type does.
  const auto& down = catalog.replay(replay.file("1_a.down.sql")).steps;
  ASSERT_EQ(down.size(), 4u);
  EXPECT_EQ(down[1].blockers.size(), 1u);
  EXPECT_TRUE(down[3].blockers.empty());
  // The up: d2 is free until REPLACE maps word to it; then nothing maps to d.
  const auto& up = catalog.replay(replay.file("2_b.up.sql")).steps;
  ASSERT_EQ(up.size(), 4u);
  EXPECT_TRUE(up[1].blockers.empty());
  EXPECT_TRUE(up[3].blockers.empty());
}

TEST(LintCatalog, ThousandsOfMigrationsReplayQuickly) {
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 1; i <= 3000; ++i) {
    std::string n = std::to_string(i);
    files.push_back({n + "_t.up.sql", "CREATE TABLE t" + n + " (id serial PRIMARY KEY, p int " +
                                          (i > 1 ? "REFERENCES t" + std::to_string(i - 1) : "") +
                                          "); CREATE INDEX ON t" + n + " (p);"});
    files.push_back({n + "_t.down.sql", "DROP TABLE t" + n + ";"});
  }
  auto start = std::chrono::steady_clock::now();
  Replay replay(std::move(files));
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 20.0);
  EXPECT_NE(replay.catalog().find(table("t3000"), replay.catalog().end()), k_no_object);
  const FileReplay& down = replay.catalog().replay(replay.file("1_t.down.sql"));
  ASSERT_EQ(down.steps.size(), 1u);
  EXPECT_TRUE(down.steps[0].blockers.empty()) << "t2 does not exist yet after the first up";
}

}  // namespace
}  // namespace sqlgate::lint

namespace sqlgate::lint {
namespace {

TEST(LintCatalog, OneDropStatementTakesItsObjectsTogether) {
  // DROP MATERIALIZED VIEW a, b CASCADE where b reads a: PostgreSQL resolves both names first,
  // so b is not "already gone" when its turn comes; without CASCADE neither blocks the other.
  Replay replay({{"1_a.up.sql",
                  "CREATE TABLE t (id int); CREATE MATERIALIZED VIEW a AS SELECT * FROM t;"
                  "CREATE MATERIALIZED VIEW b AS SELECT * FROM a;"},
                 {"1_a.down.sql", "DROP MATERIALIZED VIEW a, b CASCADE; DROP TABLE t;"},
                 {"2_b.up.sql",
                  "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p int "
                  "REFERENCES p);"},
                 {"2_b.down.sql", "DROP TABLE p, c;"}});
  const Catalog& catalog = replay.catalog();
  const FileReplay& first = catalog.replay(replay.file("1_a.down.sql"));
  ASSERT_EQ(first.steps.size(), 3u);
  EXPECT_NE(first.steps[1].object, k_no_object);
  EXPECT_EQ(first.steps[1].dropped_by_step, -1);
  const FileReplay& second = catalog.replay(replay.file("2_b.down.sql"));
  ASSERT_EQ(second.steps.size(), 2u);
  EXPECT_TRUE(second.steps[0].blockers.empty());
}

TEST(LintCatalog, TriggersOnTablesNoMigrationCreatesAreMissing) {
  Replay replay(std::vector<std::pair<std::string, std::string>>{
      {"1_a.up.sql",
       "CREATE TRIGGER tr BEFORE INSERT ON nowhere FOR EACH ROW EXECUTE FUNCTION f();"}});
  const FileReplay& up = replay.catalog().replay(replay.file("1_a.up.sql"));
  ASSERT_EQ(up.steps.size(), 1u);
  std::vector<std::string> missing;
  for (const auto& ref : up.steps[0].missing) missing.push_back(ref.display());
  EXPECT_EQ(missing, (std::vector<std::string>{"nowhere", "f()"}));
}

// What each DROP of a down runs into: "kind name" of the objects that still depend on what it
// drops, one entry per step ("" when nothing blocks it).
std::vector<std::string> blocked(const Replay& replay, const std::string& down) {
  const Catalog& catalog = replay.catalog();
  const FileReplay& steps = catalog.replay(replay.file(down));
  std::vector<std::string> result;
  for (const auto& step : steps.steps) {
    std::string line;
    for (ObjectId id : step.blockers) {
      if (!line.empty()) line += ", ";
      const ObjectRef& ref = catalog.object(id).ref_at(steps.start);
      line += std::string(to_string(ref.kind)) + " " + ref.display();
    }
    result.push_back(line);
  }
  return result;
}

using Lines = std::vector<std::string>;

TEST(LintCatalog, WhatUsesAFunctionBlocksItsDrop) {
  // Each of these DROP FUNCTION fails on PostgreSQL 15 ("cannot drop function ... because other
  // objects depend on it").
  Replay replay({{"1_a.up.sql", R"sql(
CREATE FUNCTION gen_id() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
CREATE FUNCTION twice(int) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT $1 * 2 $$;
CREATE FUNCTION positive(int) RETURNS bool IMMUTABLE LANGUAGE sql AS $$ SELECT $1 > 0 $$;
CREATE FUNCTION folded(text) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT lower($1) $$;
CREATE FUNCTION visible(int) RETURNS bool LANGUAGE sql AS $$ SELECT true $$;
CREATE TABLE t (
  id text DEFAULT gen_id(),
  a int,
  b int GENERATED ALWAYS AS (twice(a)) STORED CHECK (positive(b)),
  name text
);
CREATE INDEX t_name ON t (folded(name)) WHERE positive(a);
CREATE VIEW v AS SELECT twice(a) FROM t;
CREATE POLICY p ON t USING (visible(a));
)sql"},
                 {"1_a.down.sql",
                  "DROP FUNCTION gen_id(); DROP FUNCTION twice(int); DROP FUNCTION positive;"
                  "DROP FUNCTION folded(text); DROP FUNCTION visible(int);"}});
  EXPECT_EQ(blocked(replay, "1_a.down.sql"),
            (Lines{"column t.id", "column t.b, view v", "constraint t.t_b_check, index t_name",
                   "index t_name", "policy t.p"}));
}

TEST(LintCatalog, CreateOrReplaceReplacesWhatTheDefinitionDependsOn) {
  // PostgreSQL 15: the up's CREATE OR REPLACE moves the view and the trigger off old_t, f() and
  // column a; the down's moves the view onto column a from that statement on.
  Replay replay({{"1_a.up.sql", R"sql(
CREATE TABLE old_t (id int); CREATE TABLE new_t (id int, a int, b int);
CREATE VIEW v AS SELECT id FROM old_t;
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER tr BEFORE UPDATE OF a ON new_t FOR EACH ROW EXECUTE FUNCTION f();
)sql"},
                 {"2_b.up.sql", R"sql(
CREATE OR REPLACE VIEW v AS SELECT id FROM new_t;
CREATE OR REPLACE TRIGGER tr BEFORE UPDATE OF b ON new_t FOR EACH ROW EXECUTE FUNCTION g();
)sql"},
                 {"2_b.down.sql", R"sql(
DROP TABLE old_t;
DROP FUNCTION f();
DROP FUNCTION g();
CREATE OR REPLACE VIEW v AS SELECT a AS id FROM new_t;
ALTER TABLE new_t DROP COLUMN id;
ALTER TABLE new_t DROP COLUMN a;
ALTER TABLE new_t DROP COLUMN b;
)sql"}});
  // Each ALTER TABLE is a step for the table, then one for the column.
  EXPECT_EQ(blocked(replay, "2_b.down.sql"),
            (Lines{"", "", "trigger new_t.tr", "", "", "", "", "view v", "", "trigger new_t.tr"}));
  // The edges of the first definition end where the up defines the view again, which made the
  // new ones.
  const Catalog& catalog = replay.catalog();
  ObjectId view = catalog.find(ref(ObjectKind::view, "v"), catalog.end());
  ASSERT_NE(view, k_no_object);
  const FileReplay& up = catalog.replay(replay.file("2_b.up.sql"));
  const CatalogStep& again = up.steps.front();
  int ended = 0;
  int made = 0;
  for (const DependencyEdge& edge : catalog.object(view).depends_on) {
    Origin origin = edge_origin(catalog.object(view), edge);
    // The table, or the table of a column.
    const ObjectRef& target = catalog.object(edge.object).ref_at(again.tick);
    const std::string& table = target.kind == ObjectKind::column ? target.parent : target.name;
    if (table == "old_t") {
      ++ended;
      EXPECT_EQ(edge.to, again.tick);
      EXPECT_FALSE(redefined_by(catalog, view, origin));
    } else {
      ++made;
      EXPECT_EQ(edge.from, again.tick) << table;
      EXPECT_TRUE(redefined_by(catalog, view, origin)) << table;
    }
  }
  EXPECT_EQ(ended, 2);  // old_t and old_t.id
  EXPECT_EQ(made, 2);
}

TEST(LintCatalog, CallsReachTheOverloadPostgresChooses) {
  Replay replay({{"1_a.up.sql", R"sql(
CREATE FUNCTION pick(int) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION pick(text) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT 2 $$;
CREATE FUNCTION padded(a int, b int DEFAULT 0) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION app.scaled(int) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'x' $$;
SET search_path = app, public;
CREATE TABLE t (
  a int DEFAULT pick(1),
  b int DEFAULT pick('x'::text),
  c int DEFAULT pick(length('x')),
  d int DEFAULT padded(1),
  e int DEFAULT scaled(2),
  f text DEFAULT lower('A')
);
)sql"},
                 {"1_a.down.sql",
                  "DROP FUNCTION pick(int); DROP FUNCTION pick(text); DROP FUNCTION padded;"
                  "DROP FUNCTION app.scaled(int); DROP FUNCTION public.lower(text);"}});
  // pick(length('x')): sqlgate cannot tell the argument's type, so it names no overload.
  // lower('A') reaches pg_catalog.lower(text): PostgreSQL searches pg_catalog first.
  EXPECT_EQ(blocked(replay, "1_a.down.sql"),
            (Lines{"column app.t.a", "column app.t.b", "column app.t.d", "column app.t.e", ""}));
}

TEST(LintCatalog, TypesOfSignaturesDomainsAndCompositesBlockDropType) {
  Replay replay({{"1_a.up.sql", R"sql(
CREATE TYPE status AS ENUM ('a', 'b');
CREATE FUNCTION takes(s status) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION gives() RETURNS SETOF status LANGUAGE sql AS $$ SELECT 'a'::status $$;
CREATE FUNCTION many(s status[]) RETURNS TABLE (x status) LANGUAGE sql AS $$ SELECT 'a'::status $$;
CREATE DOMAIN strict_status AS status;
CREATE TYPE pair AS (s status, n int);
CREATE TABLE rows_of (id int);
CREATE FUNCTION all_rows() RETURNS SETOF rows_of LANGUAGE sql AS $$ SELECT * FROM rows_of $$;
)sql"},
                 {"1_a.down.sql", "DROP TYPE status; DROP TABLE rows_of;"}});
  EXPECT_EQ(blocked(replay, "1_a.down.sql"),
            (Lines{"function takes(status), function gives(), function many(status[]), domain "
                   "strict_status, type pair",
                   "function all_rows()"}));
}

TEST(LintCatalog, SequencesOfSerialsAndDefaults) {
  Replay serial({{"1_a.up.sql", "CREATE TABLE t (id serial PRIMARY KEY);"},
                 {"1_a.down.sql", "DROP SEQUENCE t_id_seq; DROP TABLE t;"}});
  EXPECT_EQ(blocked(serial, "1_a.down.sql"), (Lines{"column t.id", ""}));
  Replay replay({{"1_a.up.sql",
                  "CREATE TABLE t (id serial PRIMARY KEY); CREATE TABLE u (a int);"
                  "CREATE SEQUENCE s; CREATE SEQUENCE by_text;"
                  "CREATE TABLE w (a int DEFAULT nextval('by_text'::text));"},
                 {"1_a.down.sql",
                  "ALTER TABLE t ALTER COLUMN id DROP DEFAULT; DROP SEQUENCE t_id_seq;"
                  "DROP SEQUENCE s; DROP SEQUENCE by_text;"},
                 {"2_b.up.sql", "ALTER TABLE u ALTER COLUMN a SET DEFAULT nextval('s');"},
                 {"2_b.down.sql", "DROP SEQUENCE s;"},
                 {"3_c.up.sql", "ALTER TABLE u ALTER COLUMN a SET DEFAULT 0;"},
                 {"3_c.down.sql", "DROP SEQUENCE s; DROP SEQUENCE s CASCADE; DROP TABLE u;"}});
  // Without its default, the serial's column no longer needs the sequence; nextval('x'::text)
  // looks the name up only when it runs; the default 2_b sets comes after 1_a's up, and 3_c's
  // replaced it.
  EXPECT_EQ(blocked(replay, "1_a.down.sql"), (Lines{"", "", "", "", ""}));
  EXPECT_EQ(blocked(replay, "2_b.down.sql"), (Lines{"column u.a"}));
  EXPECT_EQ(blocked(replay, "3_c.down.sql"), (Lines{"", "", ""}));
  // CASCADE takes a default that uses the sequence, not its column.
  Replay cascade({{"1_a.up.sql", "CREATE SEQUENCE s; CREATE TABLE u (a int DEFAULT nextval('s'));"},
                  {"1_a.down.sql", "DROP SEQUENCE s CASCADE; DROP TABLE u;"}});
  const FileReplay& down = cascade.catalog().replay(cascade.file("1_a.down.sql"));
  ASSERT_EQ(down.steps.size(), 2u);
  EXPECT_TRUE(down.steps[0].implied.empty());
  EXPECT_NE(down.steps[1].object, k_no_object);
}

TEST(LintCatalog, ExtensionMembersDependOnTheirExtension) {
  Replay replay(
      {{"1_a.up.sql", R"sql(
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE TABLE users (id uuid DEFAULT uuid_generate_v4(), email citext, name text);
CREATE INDEX users_name ON users USING gin (name gin_trgm_ops);
)sql"},
       {"1_a.down.sql",
        "DROP EXTENSION citext; DROP EXTENSION pg_trgm; DROP EXTENSION \"uuid-ossp\";"},
       {"2_b.up.sql", "CREATE TYPE hstore AS (k text); CREATE TABLE kv (v hstore, w ltree);"},
       {"2_b.down.sql", "DROP TYPE hstore;"}});
  EXPECT_EQ(blocked(replay, "1_a.down.sql"),
            (Lines{"column users.email", "index users_name", "column users.id"}));
  // A type the migrations create is theirs, not the extension's; ltree's extension is not there.
  EXPECT_EQ(blocked(replay, "2_b.down.sql"), (Lines{"column kv.v"}));
}

TEST(LintCatalog, ATableMadeFromAQueryDependsOnNothing) {
  // CREATE TABLE AS and SELECT INTO copy rows; a materialized view keeps its query.
  Replay replay(
      {{"1_a.up.sql",
        "CREATE TABLE src (a int); CREATE TABLE copy1 AS SELECT * FROM src;"
        "SELECT * INTO copy2 FROM src; CREATE MATERIALIZED VIEW mv AS SELECT * FROM src;"},
       {"1_a.down.sql", "DROP TABLE src;"}});
  EXPECT_EQ(blocked(replay, "1_a.down.sql"), (Lines{"materialized view mv"}));
}

}  // namespace
}  // namespace sqlgate::lint

namespace sqlgate::lint {
namespace {

// What require-on-conflict asks: at the INSERT, does its table have a unique key?
std::optional<bool> unique_at_insert(const Replay& replay, const std::string& file,
                                     std::size_t statement) {
  const Catalog& catalog = replay.catalog();
  for (const CatalogStep* step : catalog.steps_of(replay.file(file), statement)) {
    if (step->effect.change == Change::insert) {
      return catalog.has_unique_key(step->effect.object, step->tick);
    }
  }
  return std::nullopt;
}

TEST(LintCatalog, OnConflictTargetsAreJudgedAtTheInsert) {
  Replay replay({{"1_a.up.sql",
                  "CREATE SCHEMA app; CREATE TABLE app.tags (name text);"
                  "CREATE TABLE plans (code text PRIMARY KEY);"},
                 {"2_b.up.sql",
                  "SET search_path TO app, public;"
                  "INSERT INTO tags (name) VALUES ('a') ON CONFLICT DO NOTHING;"
                  "INSERT INTO plans (code) VALUES ('free') ON CONFLICT DO NOTHING;"
                  "CREATE UNIQUE INDEX tags_name ON tags (name);"
                  "INSERT INTO tags (name) VALUES ('b') ON CONFLICT DO NOTHING;"
                  "INSERT INTO outside (x) VALUES (1) ON CONFLICT DO NOTHING;"}});
  EXPECT_EQ(unique_at_insert(replay, "2_b.up.sql", 1), false) << "app.tags, no key yet";
  EXPECT_EQ(unique_at_insert(replay, "2_b.up.sql", 2), true) << "public.plans via the path";
  EXPECT_EQ(unique_at_insert(replay, "2_b.up.sql", 4), true) << "after the unique index";
  EXPECT_EQ(unique_at_insert(replay, "2_b.up.sql", 5), std::nullopt) << "unknown table";
}

// ---- building while parsing ------------------------------------------------------------------

// A set of many pairs whose downs give every kind of finding the replay records: a table with a
// foreign key to the one before it and an index; some downs drop the table before its index,
// some drop the table the next one still references.
struct ChainSet {
  MigrationSet set;
  std::unique_ptr<Project> project;

  explicit ChainSet(int pairs) {
    std::vector<std::pair<std::string, std::string>> files;
    for (int i = 1; i <= pairs; ++i) {
      std::string t = std::to_string(i).insert(0, 1, 't');
      std::string previous = std::to_string(i - 1).insert(0, 1, 't');
      std::string version = std::to_string(i);
      std::string up = "CREATE TABLE IF NOT EXISTS ";
      up += t;
      up += " (id bigint PRIMARY KEY, prev bigint";
      if (i > 1) {
        up += " REFERENCES ";
        up += previous;
        up += " (id)";
      }
      up += ");\nCREATE INDEX IF NOT EXISTS ";
      up += t;
      up += "_prev ON ";
      up += t;
      up += " (prev);\n";
      std::string down;
      if (i % 3 == 0) {
        down += "DROP TABLE IF EXISTS ";
        down += t;
        down += ";\nDROP INDEX IF EXISTS ";
        down += t;
        down += "_prev;\n";
      } else if (i % 5 == 0) {
        down += "DROP TABLE ";
        down += previous;
        down += ";\nDROP TABLE ";
        down += t;
        down += ";\n";
      } else {
        down += "DROP INDEX IF EXISTS ";
        down += t;
        down += "_prev;\nDROP TABLE IF EXISTS ";
        down += t;
        down += ";\n";
      }
      files.emplace_back(version + "_" + t + ".up.sql", up);
      files.emplace_back(version + "_" + t + ".down.sql", down);
    }
    set = memory_set(files);
    project = std::make_unique<Project>(set, std::vector<std::unique_ptr<ParsedFile>>{}, 15);
  }

  void parse(std::size_t i) { project->set_parsed(i, ParsedFile::parse(set.files[i])); }
};

// Everything the replay recorded, as text.
std::string fingerprint(const Catalog& catalog, std::size_t files) {
  std::ostringstream out;
  for (std::size_t i = 0; i < files; ++i) {
    const FileReplay& replay = catalog.replay(i);
    out << i << ' ' << replay.replayed << ' ' << replay.start << ' ' << replay.end << '\n';
    for (const CatalogStep& step : replay.steps) {
      out << "  " << step.statement << ' ' << to_string(step.effect.action) << ' '
          << step.effect.object.display() << ' ' << step.tick << ' ' << step.object << ' '
          << step.existed << ' ' << step.dropped_by_step << " implied";
      for (ObjectId id : step.implied) out << ' ' << id;
      out << " blockers";
      for (ObjectId id : step.blockers) out << ' ' << id;
      out << " missing";
      for (const ObjectRef& ref : step.missing) out << ' ' << ref.display();
      out << '\n';
    }
  }
  for (ObjectId id = 0; id < catalog.size(); ++id) {
    const CatalogObject& object = catalog.object(id);
    out << id << ' ' << object.ref().display() << ' ' << object.created.tick << ' '
        << (object.dropped ? object.dropped->tick : 0) << ' ' << object.parent << '\n';
  }
  return out.str();
}

TEST(CatalogBuild, GivesTheSameCatalogWhateverOrderTheFilesArriveIn) {
  constexpr int k_pairs = 300;
  ChainSet serial(k_pairs);
  for (std::size_t i = 0; i < serial.set.files.size(); ++i) serial.parse(i);
  auto expected = Catalog::build(*serial.project, CatalogOptions{{"public"}, 1});
  std::size_t files = serial.set.files.size();
  std::string want = fingerprint(*expected, files);
  // The set is not trivial: some down is blocked, some drop was taken by an earlier one.
  std::size_t blocked = 0;
  std::size_t taken_earlier = 0;
  for (std::size_t i = 0; i < files; ++i) {
    for (const CatalogStep& step : expected->replay(i).steps) {
      blocked += !step.blockers.empty();
      taken_earlier += step.dropped_by_step >= 0;
    }
  }
  ASSERT_GT(blocked, 10u);
  ASSERT_GT(taken_earlier, 10u);
  ASSERT_GT(expected->size(), 4u * k_pairs);

  ChainSet racing(k_pairs);
  CatalogBuild build(*racing.project, CatalogOptions{{"public"}, 4});
  std::shared_ptr<const Catalog> built;
  std::thread replay([&] { built = build.replay(); });
  // Three threads, each taking every third file from the end: the replay waits for most.
  std::vector<std::thread> parsers;
  for (std::size_t t = 0; t < 3; ++t) {
    parsers.emplace_back([&, t] {
      for (std::size_t k = t; k < files; k += 3) {
        std::size_t i = files - 1 - k;
        racing.parse(i);
        build.prepare(i);
      }
    });
  }
  for (auto& parser : parsers) parser.join();
  replay.join();
  ASSERT_TRUE(built);
  EXPECT_EQ(fingerprint(*built, files), want);
}

TEST(CatalogBuild, TheDownsFindTheirBlockersAndEarlierDrops) {
  ChainSet chain(10);
  for (std::size_t i = 0; i < chain.set.files.size(); ++i) chain.parse(i);
  auto catalog = Catalog::build(*chain.project, CatalogOptions{{"public"}, 2});
  // 3_t3.down.sql drops the table, then the index the table took with it.
  const FileReplay& third =
      catalog->replay(static_cast<std::size_t>(chain.set.find("3_t3.down.sql")));
  ASSERT_EQ(third.steps.size(), 2u);
  EXPECT_EQ(third.steps[1].dropped_by_step, 0);
  // 5_t5.down.sql drops t4 while t5's foreign key still references it.
  const FileReplay& fifth =
      catalog->replay(static_cast<std::size_t>(chain.set.find("5_t5.down.sql")));
  ASSERT_FALSE(fifth.steps.empty());
  EXPECT_FALSE(fifth.steps[0].blockers.empty());
}

TEST(CatalogBuild, AbandonedReturnsWithoutACatalog) {
  ChainSet chain(50);
  CatalogBuild build(*chain.project, CatalogOptions{{"public"}, 2});
  std::shared_ptr<const Catalog> built = std::make_shared<Catalog>();
  std::thread replay([&] { built = build.replay(); });
  for (std::size_t i = 0; i < 10; ++i) {
    chain.parse(i);
    build.prepare(i);
  }
  build.abandon();
  replay.join();
  EXPECT_EQ(built, nullptr);
}

}  // namespace
}  // namespace sqlgate::lint
