// The pairing, ordering and naming checks through the binary: a realistic migration set passes,
// and the campaigns down with its DROP TABLEs swapped fails naming both tables and the key.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/testing.h"

namespace sqlgate {
namespace {

using testing::run_sqlgate;
using testing::TempDir;

const char* k_campaigns_up = R"sql(-- Campaigns and the people they target.
CREATE TABLE IF NOT EXISTS campaigns (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS campaign_targets (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  target text NOT NULL,
  UNIQUE (campaign_id, target)
);

CREATE INDEX IF NOT EXISTS campaign_targets_campaign_id_idx ON campaign_targets (campaign_id);
)sql";

// A set written the way the README asks: every up reversible, downs in reverse order.
void write_realistic_set(const TempDir& dir) {
  dir.write("m/20251201090000_create_users.up.sql", R"sql(
CREATE TABLE IF NOT EXISTS users (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  display_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS users_email_key ON users (lower(email));
)sql");
  dir.write("m/20251201090000_create_users.down.sql", "DROP TABLE IF EXISTS users;\n");
  dir.write("m/20251220123456_add_campaigns.up.sql", k_campaigns_up);
  dir.write("m/20251220123456_add_campaigns.down.sql",
            "DROP TABLE IF EXISTS campaign_targets;\nDROP TABLE IF EXISTS campaigns;\n");
  dir.write("m/20251221100000_campaign_state.up.sql", R"sql(
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'campaign_state') THEN
    CREATE TYPE campaign_state AS ENUM ('draft', 'live', 'done');
  END IF;
END
$$;
ALTER TABLE campaigns ADD COLUMN IF NOT EXISTS state campaign_state NOT NULL DEFAULT 'draft';
ALTER TABLE campaigns ADD COLUMN IF NOT EXISTS owner_id bigint;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'campaigns_owner_id_fkey') THEN
    ALTER TABLE campaigns ADD CONSTRAINT campaigns_owner_id_fkey
      FOREIGN KEY (owner_id) REFERENCES users (id) NOT VALID;
  END IF;
END
$$;
)sql");
  dir.write("m/20251221100000_campaign_state.down.sql", R"sql(
ALTER TABLE campaigns DROP CONSTRAINT IF EXISTS campaigns_owner_id_fkey;
ALTER TABLE campaigns DROP COLUMN IF EXISTS owner_id;
ALTER TABLE campaigns DROP COLUMN IF EXISTS state;
DROP TYPE IF EXISTS campaign_state;
)sql");
  dir.write("m/20251222080000_touch_trigger.up.sql", R"sql(
ALTER TABLE campaigns ADD COLUMN IF NOT EXISTS updated_at timestamptz;
CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS campaigns_touch ON campaigns;
CREATE TRIGGER campaigns_touch BEFORE UPDATE ON campaigns
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE OR REPLACE VIEW live_campaigns AS
  SELECT c.id, c.name, count(t.id) AS targets
  FROM campaigns c LEFT JOIN campaign_targets t ON t.campaign_id = c.id
  WHERE c.state = 'live'
  GROUP BY c.id, c.name;
)sql");
  dir.write("m/20251222080000_touch_trigger.down.sql", R"sql(
DROP VIEW IF EXISTS live_campaigns;
DROP TRIGGER IF EXISTS campaigns_touch ON campaigns;
DROP FUNCTION IF EXISTS touch_updated_at();
ALTER TABLE campaigns DROP COLUMN IF EXISTS updated_at;
)sql");
  dir.write("m/20251223120000_plans.up.sql", R"sql(
CREATE TABLE IF NOT EXISTS plans (code text PRIMARY KEY, seats int NOT NULL);
INSERT INTO plans (code, seats) VALUES ('free', 1), ('team', 10) ON CONFLICT (code) DO NOTHING;
ALTER TABLE users ADD COLUMN IF NOT EXISTS plan_code text REFERENCES plans (code);
)sql");
  dir.write("m/20251223120000_plans.down.sql", R"sql(
ALTER TABLE users DROP COLUMN IF EXISTS plan_code;
DROP TABLE IF EXISTS plans;
)sql");
  dir.write("m/20251224090000_rename_display_name.up.sql",
            "ALTER TABLE users RENAME COLUMN display_name TO full_name;\n");
  dir.write("m/20251224090000_rename_display_name.down.sql",
            "ALTER TABLE users RENAME COLUMN full_name TO display_name;\n");
  dir.write("m/20251225070000_campaign_name_index.up.sql",
            "-- sqlgate:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS "
            "campaigns_name_idx ON campaigns (lower(name));\n");
  dir.write("m/20251225070000_campaign_name_index.down.sql",
            "-- sqlgate:no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS campaigns_name_idx;\n");
  dir.write("m/20251226070000_add_state_value.up.sql",
            "ALTER TYPE campaign_state ADD VALUE IF NOT EXISTS 'archived';\n");
  dir.write("m/20251226070000_add_state_value.down.sql",
            "-- sqlgate:irreversible PostgreSQL cannot remove a value from an enum\n");
}

TEST(CliPairing, ARealisticSetHasNoPairingOrderingOrNamingFinding) {
  TempDir dir;
  write_realistic_set(dir);
  auto result = run_sqlgate({"lint", "--format", "json", (dir.path() / "m").string(), "--select",
                             "pairing,ordering,naming"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_TRUE(json["diagnostics"].empty()) << json["diagnostics"].dump(2);
  EXPECT_EQ(json["summary"]["files"], 16);
}

TEST(CliPairing, SwappedDropsNameBothTablesAndTheForeignKey) {
  TempDir dir;
  dir.write("m/20251220123456_add_campaigns.up.sql", k_campaigns_up);
  dir.write("m/20251220123456_add_campaigns.down.sql",
            "DROP TABLE IF EXISTS campaign_targets;\nDROP TABLE IF EXISTS campaigns;\n");
  std::string folder = (dir.path() / "m").string();
  auto good = run_sqlgate({"lint", folder});
  EXPECT_EQ(good.exit_code, 0) << good.out << good.err;

  dir.write("m/20251220123456_add_campaigns.down.sql",
            "DROP TABLE IF EXISTS campaigns;\nDROP TABLE IF EXISTS campaign_targets;\n");
  auto bad = run_sqlgate({"lint", "--format", "json", folder});
  EXPECT_EQ(bad.exit_code, 1) << bad.out << bad.err;
  auto json = nlohmann::json::parse(bad.out);
  ASSERT_EQ(json["diagnostics"].size(), 1u) << bad.out;
  const auto& finding = json["diagnostics"][0];
  EXPECT_EQ(finding["rule"], "drop-order");
  EXPECT_EQ(finding["line"], 1);
  std::string message = finding["message"];
  EXPECT_NE(message.find("table campaigns"), std::string::npos) << message;
  EXPECT_NE(message.find("campaign_targets_campaign_id_fkey"), std::string::npos) << message;
  EXPECT_NE(message.find("table campaign_targets"), std::string::npos) << message;
  ASSERT_EQ(finding["related"].size(), 2u);
  EXPECT_EQ(finding["related"][0]["line"], 2) << "the later DROP TABLE campaign_targets";
  EXPECT_EQ(finding["related"][1]["line"], 8) << "the CREATE TABLE with the foreign key";
  EXPECT_NE(std::string(finding["help"]).find("drop table campaign_targets first"),
            std::string::npos);
}

// Checked on PostgreSQL 15: a SECURITY DEFINER function an earlier migration took EXECUTE from
// PUBLIC on, dropped and made again by the down (its result type changed), has proacl NULL
// after the down: has_function_privilege('public', 'account_balance(bigint)', 'EXECUTE') is true.
TEST(CliPairing, AFunctionMadeAgainByTheDownGetsPublicExecuteBack) {
  TempDir dir;
  auto function = [](const std::string& type) {
    return "CREATE FUNCTION account_balance(p bigint) RETURNS " + type +
           "\nLANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT p::" + type + " $$;\n";
  };
  dir.write(
      "m/20251220123456_balance.up.sql",
      function("integer") + "REVOKE EXECUTE ON FUNCTION account_balance(bigint) FROM PUBLIC;\n");
  dir.write("m/20251220123456_balance.down.sql",
            "DROP FUNCTION IF EXISTS account_balance(bigint);\n");
  std::string revoke = "REVOKE EXECUTE ON FUNCTION account_balance(bigint) FROM PUBLIC;\n";
  std::string drop = "DROP FUNCTION IF EXISTS account_balance(bigint);\n";
  dir.write("m/20251221090000_balance_numeric.up.sql", drop + function("numeric") + revoke);
  dir.write("m/20251221090000_balance_numeric.down.sql", drop + function("integer"));
  std::string folder = (dir.path() / "m").string();
  auto bad = run_sqlgate({"lint", "--format", "json", "--select", "down-not-reversing", folder});
  EXPECT_EQ(bad.exit_code, 1) << bad.out << bad.err;
  auto json = nlohmann::json::parse(bad.out);
  ASSERT_EQ(json["diagnostics"].size(), 1u) << bad.out;
  const auto& finding = json["diagnostics"][0];
  EXPECT_EQ(finding["severity"], "error");
  EXPECT_EQ(finding["line"], 2);
  std::string message = finding["message"];
  EXPECT_NE(message.find("again with EXECUTE for PUBLIC"), std::string::npos) << message;
  EXPECT_NE(std::string(finding["help"])
                .find("REVOKE EXECUTE ON FUNCTION account_balance(int8) FROM PUBLIC;"),
            std::string::npos)
      << finding["help"];

  // The down that takes it again, after its CREATE.
  dir.write("m/20251221090000_balance_numeric.down.sql", drop + function("integer") + revoke);
  auto good = run_sqlgate({"lint", "--select", "down-not-reversing", folder});
  EXPECT_EQ(good.exit_code, 0) << good.out << good.err;
}

TEST(CliPairing, DropRoleAfterGrantOnAllTablesNamesEveryTableAndRevokesThemAll) {
  TempDir dir;
  dir.write("m/20251220123456_tenant.up.sql",
            "CREATE SCHEMA IF NOT EXISTS tenant_acme;\n"
            "CREATE TABLE IF NOT EXISTS tenant_acme.projects (id bigint PRIMARY KEY);\n"
            "CREATE TABLE IF NOT EXISTS tenant_acme.tasks (id bigint PRIMARY KEY);\n");
  dir.write("m/20251220123456_tenant.down.sql", "DROP SCHEMA IF EXISTS tenant_acme CASCADE;\n");
  dir.write("m/20251220123457_tenant_rw.up.sql",
            "CREATE ROLE tenant_acme_rw NOLOGIN; -- sqlgate:ignore guard-create\n"
            "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA tenant_acme TO tenant_acme_rw;\n");
  // The REVOKE of one table leaves the other: PostgreSQL then names tenant_acme.tasks.
  dir.write("m/20251220123457_tenant_rw.down.sql",
            "REVOKE SELECT, INSERT ON tenant_acme.projects FROM tenant_acme_rw;\n"
            "DROP ROLE IF EXISTS tenant_acme_rw;\n");
  std::string folder = (dir.path() / "m").string();
  auto run = run_sqlgate({"lint", "--format", "json", folder});
  auto json = nlohmann::json::parse(run.out);
  std::vector<nlohmann::json> found;
  for (const auto& finding : json["diagnostics"]) {
    if (finding["rule"] == "drop-order") found.push_back(finding);
  }
  ASSERT_EQ(found.size(), 1u) << run.out;
  std::string message = found[0]["message"];
  EXPECT_NE(message.find("table tenant_acme.tasks"), std::string::npos) << message;
  EXPECT_EQ(message.find("tenant_acme.projects"), std::string::npos) << message;
  EXPECT_NE(std::string(found[0]["help"])
                .find("REVOKE SELECT, INSERT ON ALL TABLES IN SCHEMA tenant_acme FROM "
                      "tenant_acme_rw;"),
            std::string::npos)
      << found[0]["help"];
}

}  // namespace
}  // namespace sqlgate
