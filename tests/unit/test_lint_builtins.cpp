// The names PostgreSQL defines itself and those its contrib extensions bring.
#include <gtest/gtest.h>

#include "lint/builtins.h"

namespace sqlgate::lint {
namespace {

TEST(LintBuiltins, FunctionNamesOfPgCatalog) {
  EXPECT_TRUE(is_builtin_function("lower"));
  EXPECT_TRUE(is_builtin_function("gen_random_uuid"));
  EXPECT_TRUE(is_builtin_function("nextval"));
  EXPECT_TRUE(is_builtin_function("count"));
  EXPECT_TRUE(is_builtin_function("abbrev"));        // the first of the list
  EXPECT_TRUE(is_builtin_function("xpath_exists"));  // ... its end
  // Later versions' names that migrations define themselves count as built-in.
  EXPECT_TRUE(is_builtin_function("uuidv7"));
  EXPECT_FALSE(is_builtin_function("uuid_generate_v7"));
  EXPECT_FALSE(is_builtin_function("gen_short_id"));
  EXPECT_FALSE(is_builtin_function("uuid_generate_v4"));  // uuid-ossp's
  EXPECT_FALSE(is_builtin_function("Lower"));             // names are case-sensitive once folded
}

TEST(LintBuiltins, MembersOfContribExtensions) {
  EXPECT_EQ(extension_member(ObjectKind::type, "citext"), "citext");
  EXPECT_EQ(extension_member(ObjectKind::type, "ltree"), "ltree");
  EXPECT_EQ(extension_member(ObjectKind::function, "uuid_generate_v4"), "uuid-ossp");
  EXPECT_EQ(extension_member(ObjectKind::procedure, "moddatetime"), "moddatetime");
  EXPECT_EQ(extension_member(ObjectKind::function, "gen_random_bytes"), "pgcrypto");
  // pgcrypto's gen_random_uuid() loses to the built-in one.
  EXPECT_EQ(extension_member(ObjectKind::function, "gen_random_uuid"), "");
  EXPECT_EQ(extension_member(ObjectKind::operator_class, "gin_trgm_ops", "gin"), "pg_trgm");
  EXPECT_EQ(extension_member(ObjectKind::operator_class, "gist_trgm_ops", "gist"), "pg_trgm");
  // btree_gin has an int4_ops for gin; btree's own int4_ops is PostgreSQL's.
  EXPECT_EQ(extension_member(ObjectKind::operator_class, "int4_ops", "gin"), "btree_gin");
  EXPECT_EQ(extension_member(ObjectKind::operator_class, "int4_ops", "btree"), "");
  EXPECT_EQ(extension_member(ObjectKind::type, "uuid"), "");
  EXPECT_EQ(extension_member(ObjectKind::type, "citext_ops"), "");
  EXPECT_EQ(extension_member(ObjectKind::table, "citext"), "");
}

}  // namespace
}  // namespace sqlgate::lint
