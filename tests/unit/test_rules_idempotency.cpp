// The idempotency rules' words, which the fixtures do not check: the SQL a help text writes must
// run as written (checked on PostgreSQL 15), and a message must say what happens.
#include <gtest/gtest.h>

#include "tests/support/rules.h"

namespace sqlgate::rules {
namespace {

struct Finding {
  std::string message;
  std::string help;
};

std::vector<Finding> lint_text(const std::string& text, const std::string& id) {
  std::vector<Finding> found;
  for (const auto& d : testing::lint_rule(text, id)) found.push_back(Finding{d.message, d.help});
  return found;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A quoted mixed-case name must be quoted again in the guard a help text writes: to_regtype('Role')
// is NULL while "Role" exists, and ALTER TABLE Post fails (relation "post" does not exist).
TEST(IdempotencyHelp, GuardsQuoteMixedCaseNames) {
  auto type = lint_text("CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN');\n", "guard-create");
  ASSERT_EQ(type.size(), 1u);
  EXPECT_TRUE(has(type[0].help, "to_regtype('\"Role\"') IS NULL")) << type[0].help;

  auto key = lint_text(
      "ALTER TABLE \"Post\" ADD CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\") "
      "REFERENCES \"User\"(\"id\");\n",
      "guard-add-constraint");
  ASSERT_EQ(key.size(), 1u);
  EXPECT_TRUE(
      has(key[0].help, "ALTER TABLE \"Post\" DROP CONSTRAINT IF EXISTS \"Post_authorId_fkey\";"))
      << key[0].help;
  EXPECT_TRUE(
      has(key[0].help, "conname = 'Post_authorId_fkey' AND conrelid = '\"Post\"'::regclass"))
      << key[0].help;

  auto lower = lint_text(
      "ALTER TABLE posts ADD CONSTRAINT posts_author_fkey FOREIGN KEY (author_id) "
      "REFERENCES users (id);\n",
      "guard-add-constraint");
  ASSERT_EQ(lower.size(), 1u);
  EXPECT_TRUE(has(lower[0].help, "ALTER TABLE posts DROP CONSTRAINT IF EXISTS posts_author_fkey;"))
      << lower[0].help;
  EXPECT_TRUE(has(lower[0].help, "conrelid = 'posts'::regclass")) << lower[0].help;
}

// IF EXISTS (... table_name = 'user' ...) around a rename of "User"'s column finds nothing on any
// run: the rename never runs, rather than failing on the second run.
TEST(IdempotencyMessages, AWrongCaseIfExistsGuardNeverRuns) {
  auto found = lint_text(
      "DO $$ BEGIN\n"
      "  IF EXISTS (SELECT 1 FROM information_schema.columns\n"
      "             WHERE table_name = 'user' AND column_name = 'name') THEN\n"
      "    ALTER TABLE \"User\" RENAME COLUMN \"name\" TO \"fullName\";\n"
      "  END IF;\n"
      "END $$;\n",
      "guard-rename");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(has(found[0].message, "never runs, not even the first time")) << found[0].message;
  EXPECT_TRUE(has(found[0].message,
                  "the guard tests table_name = 'user', but the column is on "
                  "\"User\""))
      << found[0].message;
  EXPECT_FALSE(has(found[0].message, "runs again")) << found[0].message;

  // IF NOT EXISTS with the same mistake: the test never finds it, the rename runs every time.
  auto again = lint_text(
      "DO $$ BEGIN\n"
      "  IF NOT EXISTS (SELECT 1 FROM information_schema.columns\n"
      "                 WHERE table_name = 'user' AND column_name = 'fullName') THEN\n"
      "    ALTER TABLE \"User\" RENAME COLUMN \"name\" TO \"fullName\";\n"
      "  END IF;\n"
      "END $$;\n",
      "guard-rename");
  ASSERT_EQ(again.size(), 1u);
  EXPECT_TRUE(has(again[0].message, "fails when the migration runs again")) << again[0].message;
}

// A rebuild made under a temporary name and renamed to the old one after the column is converted
// (Prisma's down): a second run meets the enum under the old name, which PostgreSQL quotes as
// format_type() does (invalid input value for enum "Role": "EDITOR").
TEST(IdempotencyMessages, AnEnumRebuiltUnderATemporaryNameIsNamedAsItEndsTheFile) {
  auto found = lint_text(
      "UPDATE \"User\" SET \"role\" = 'USER' WHERE \"role\" = 'EDITOR';\n"
      "CREATE TYPE \"Role_old\" AS ENUM ('USER', 'ADMIN');\n"
      "ALTER TABLE \"User\" ALTER COLUMN \"role\" TYPE \"Role_old\" USING "
      "(\"role\"::text::\"Role_old\");\n"
      "ALTER TYPE \"Role\" RENAME TO \"Role_new\";\n"
      "ALTER TYPE \"Role_old\" RENAME TO \"Role\";\n"
      "DROP TYPE \"Role_new\";\n",
      "require-if-exists");
  std::vector<Finding> label;
  for (const Finding& finding : found) {
    if (has(finding.message, "invalid input value for enum")) label.push_back(finding);
  }
  ASSERT_EQ(label.size(), 1u);
  EXPECT_TRUE(has(label[0].message, "invalid input value for enum \"Role\": \"EDITOR\""))
      << label[0].message;
  EXPECT_TRUE(has(label[0].message,
                  "by then role is of enum \"Role\", which line 2 of this file "
                  "makes (as Role_old) without 'EDITOR'"))
      << label[0].message;
}

}  // namespace
}  // namespace sqlgate::rules
