#include <gtest/gtest.h>

#include "lint/directives.h"

namespace sqlgate::lint {
namespace {

TEST(Directive, IgnoreListsRulesAndReason) {
  auto d = parse_directive("-- sqlgate:ignore rule-a, rule-b -- created by the app", 100);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->kind, DirectiveKind::ignore);
  ASSERT_EQ(d->rules.size(), 2u);
  EXPECT_EQ(d->rules[0].id, "rule-a");
  EXPECT_EQ(d->rules[1].id, "rule-b");
  EXPECT_EQ(d->rules[0].range.begin, 118u);
  EXPECT_EQ(d->reason, "created by the app");
  EXPECT_EQ(d->range.begin, 100u);
}

TEST(Directive, BlockCommentsWork) {
  auto d = parse_directive("/* sqlgate:ignore-file */", 0);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->kind, DirectiveKind::ignore_file);
  EXPECT_TRUE(d->rules.empty());
}

TEST(Directive, ReasonsOfTheOthers) {
  auto once = parse_directive("-- sqlgate:run-once backfill, runs once", 0);
  ASSERT_TRUE(once);
  EXPECT_EQ(once->kind, DirectiveKind::run_once);
  EXPECT_EQ(once->reason, "backfill, runs once");
  auto irreversible = parse_directive("--sqlgate:irreversible -- data is gone", 0);
  ASSERT_TRUE(irreversible);
  EXPECT_EQ(irreversible->kind, DirectiveKind::irreversible);
  EXPECT_EQ(irreversible->reason, "data is gone");
  auto none = parse_directive("-- sqlgate:run-once", 0);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->reason.empty());
  auto nt = parse_directive("-- sqlgate:no-transaction", 0);
  ASSERT_TRUE(nt);
  EXPECT_EQ(nt->kind, DirectiveKind::no_transaction);
}

TEST(Directive, OnlyAtTheStartOfAComment) {
  EXPECT_FALSE(parse_directive("-- see sqlgate:ignore in the docs", 0));
  EXPECT_FALSE(parse_directive("-- plain comment", 0));
  auto unknown = parse_directive("-- sqlgate:frobnicate", 0);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->kind, DirectiveKind::unknown);
  EXPECT_EQ(unknown->name, "frobnicate");
}

}  // namespace
}  // namespace sqlgate::lint
