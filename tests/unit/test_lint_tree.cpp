#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "lint/tree.h"

namespace sqlgate::lint {
namespace {

Node load(Documents& documents, const std::string& json) {
  std::string error;
  Node root = documents.load(json, &error);
  EXPECT_TRUE(root.valid()) << error;
  return root;
}

TEST(Tree, UnwrapsANodeAndReadsItsFields) {
  Documents documents;
  Node root = load(documents, R"({"CreateStmt": {"relation": {"relname": "t", "location": 13},
      "if_not_exists": true, "oncommit": "ONCOMMIT_NOOP", "tableElts": []}})");
  EXPECT_EQ(root.kind(), "CreateStmt");
  EXPECT_TRUE(root.is("CreateStmt"));
  EXPECT_FALSE(root.is("IndexStmt"));
  EXPECT_TRUE(root.flag("if_not_exists"));
  EXPECT_EQ(root.str("oncommit"), "ONCOMMIT_NOOP");
  // A typed field is a bare struct: no kind.
  Node relation = root["relation"];
  EXPECT_EQ(relation.kind(), "");
  EXPECT_EQ(relation.str("relname"), "t");
  EXPECT_EQ(relation.location(), 13u);
  EXPECT_TRUE(root.list("tableElts").empty());
}

TEST(Tree, AbsentFieldsReadAsTheirDefault) {
  Documents documents;
  Node root = load(documents, R"({"A_Const": {"location": 7}})");
  EXPECT_FALSE(root.has("isnull"));
  EXPECT_FALSE(root.flag("isnull"));
  EXPECT_EQ(root.str("sval"), "");
  EXPECT_EQ(root.num("ival"), 0);
  EXPECT_EQ(root.num("ival", -1), -1);
  EXPECT_TRUE(root.list("args").empty());
  EXPECT_EQ(root.list("args").size(), 0u);
  EXPECT_FALSE(root["no_such_field_anywhere"].valid());
  Node invalid;
  EXPECT_FALSE(invalid.valid());
  EXPECT_EQ(invalid.kind(), "");
  EXPECT_FALSE(invalid.location().has_value());
  EXPECT_FALSE(invalid.has("location"));
}

TEST(Tree, AnObjectOfOneLowerCaseFieldIsNotANode) {
  Documents documents;
  Node root = load(documents, R"({"relname": "t"})");
  EXPECT_EQ(root.kind(), "");
  EXPECT_EQ(root.str("relname"), "t");
  // Two fields, the first in upper case: a struct, not a wrapper.
  Node two = load(documents, R"({"String": {"sval": "a"}, "other": 1})");
  EXPECT_EQ(two.kind(), "");
  EXPECT_EQ(two["String"].kind(), "");
  EXPECT_EQ(two["String"].str("sval"), "a");
}

TEST(Tree, ReadsStringAndIntegerNodes) {
  Documents documents;
  Node names = load(documents, R"([{"String": {"sval": "public"}}, {"String": {"sval": "users"}},
      {"Integer": {"ival": 42}}, {"Integer": {}}])");
  NodeList list = names.items();
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0].as_str(), "public");
  EXPECT_EQ(list[1].as_str(), "users");
  EXPECT_EQ(list[2].as_int(), 42);
  EXPECT_EQ(list[3].as_int(), 0);
  EXPECT_FALSE(list[4].valid());
  EXPECT_EQ(list.front().as_str(), "public");
  EXPECT_EQ(list.back().as_int(), 0);
}

TEST(Tree, KeepsEveryIntegerWidth) {
  Documents documents;
  Node root = load(documents, R"({"small": -2147483648, "large": 2147483647,
      "wider": 2147483648, "widest": -9223372036854775808, "huge": 18446744073709551615,
      "real": 1.5})");
  EXPECT_EQ(root.num("small"), -2147483648LL);
  EXPECT_EQ(root.num("large"), 2147483647LL);
  EXPECT_EQ(root.num("wider"), 2147483648LL);
  EXPECT_EQ(root.num("widest"), INT64_MIN);
  // Not an int64: read as 0, as a missing integer is.
  EXPECT_EQ(root.num("huge"), 0);
  EXPECT_EQ(root.num("real"), 0);
  EXPECT_TRUE(root.has("real"));
}

TEST(Tree, StringsKeepEscapesAndNulBytes) {
  Documents documents;
  Node root = load(documents, R"({"a": "quote \" slash \\ tab \t", "b": "x\u0000y", "c": "",
      "d": "caf\u00e9"})");
  EXPECT_EQ(root.str("a"), "quote \" slash \\ tab \t");
  EXPECT_EQ(root.str("b"), std::string("x\0y", 3));
  EXPECT_TRUE(root.has("c"));
  EXPECT_EQ(root.str("c"), "");
  EXPECT_EQ(root.str("d"), "caf\xc3\xa9");
}

TEST(Tree, TheFirstOfTwoEqualKeysWins) {
  Documents documents;
  Node root = load(documents, R"({"k": 1, "k": 2})");
  EXPECT_EQ(root.num("k"), 1);
}

TEST(Tree, ListsLongerThanTheSavedCount) {
  Documents documents;
  std::string json = "[";
  for (int i = 0; i < 1000; ++i) json += (i ? ",[" : "[") + std::to_string(i) + "]";
  json += "]";
  NodeList list = load(documents, json).items();
  EXPECT_EQ(list.size(), 1000u);
  EXPECT_EQ(list[999].items()[0].as_int(), 999);
  EXPECT_EQ(list.back().items().front().as_int(), 999);
  std::size_t seen = 0;
  for (Node item : list) EXPECT_EQ(item.items()[0].as_int(), static_cast<std::int64_t>(seen++));
  EXPECT_EQ(seen, 1000u);
}

TEST(Tree, WalkVisitsNodesInDocumentOrderAndCanSkip) {
  Documents documents;
  Node root = load(documents, R"({"SelectStmt": {"targetList": [
      {"ResTarget": {"val": {"ColumnRef": {"location": 9}}, "location": 9}},
      {"ResTarget": {"val": {"A_Const": {"location": 3}}, "location": 4}}],
      "whereClause": {"BoolExpr": {"location": 30}}}})");
  std::vector<std::string> kinds;
  walk(root, [&](const Node& node) {
    kinds.emplace_back(node.kind());
    return true;
  });
  EXPECT_EQ(kinds, (std::vector<std::string>{"SelectStmt", "ResTarget", "ColumnRef", "ResTarget",
                                             "A_Const", "BoolExpr"}));
  kinds.clear();
  walk(root, [&](const Node& node) {
    kinds.emplace_back(node.kind());
    return !node.is("ResTarget");
  });
  EXPECT_EQ(kinds, (std::vector<std::string>{"SelectStmt", "ResTarget", "ResTarget", "BoolExpr"}));
  EXPECT_EQ(root.first_location(), 3u);
  EXPECT_FALSE(root.location().has_value());
}

TEST(Tree, SameTreeIgnoresLocationsAndComparesEverythingElse) {
  Documents documents;
  // x = 7 (or another column and value), written at `at`.
  auto comparison = [&](const std::string& column, int value, int at) {
    return load(documents, R"({"A_Expr": {"kind": "AEXPR_OP", "name": [{"String": {"sval": "="}}],
        "lexpr": {"ColumnRef": {"fields": [{"String": {"sval": ")" +
                               column + R"("}}], "location": )" + std::to_string(at) + R"(}},
        "rexpr": {"A_Const": {"ival": {"ival": )" +
                               std::to_string(value) + R"(}, "location": )" +
                               std::to_string(at + 4) + R"(}},
        "location": )" + std::to_string(at + 2) +
                               "}}");
  };
  Node a = comparison("x", 7, 1);
  Node moved = comparison("x", 7, 40);
  Node other_value = comparison("x", 8, 1);
  Node other_name = comparison("y", 7, 1);
  EXPECT_TRUE(same_tree(a, moved));
  EXPECT_TRUE(same_tree(a, a));
  EXPECT_FALSE(same_tree(a, other_value));
  EXPECT_FALSE(same_tree(a, other_name));
  EXPECT_TRUE(same_tree(Node(), Node()));
  EXPECT_FALSE(same_tree(a, Node()));
  // The same cells nested otherwise are not the same tree.
  Node nested = load(documents, R"({"List": {"items": [{"a": [1, 2]}, 3]}})");
  Node flat = load(documents, R"({"List": {"items": [{"a": [1, 2, 3]}]}})");
  EXPECT_FALSE(same_tree(nested, flat));
  EXPECT_FALSE(same_tree(flat, nested));
  // A field more or less.
  Node more = load(documents, R"({"A_Const": {"ival": {"ival": 7}, "isnull": true}})");
  Node less = load(documents, R"({"A_Const": {"ival": {"ival": 7}}})");
  EXPECT_FALSE(same_tree(more, less));
  EXPECT_FALSE(same_tree(less, more));
}

TEST(Tree, DeepNestingNeedsNoDeepStack) {
  Documents documents;
  constexpr int k_depth = 100000;
  std::string json;
  for (int i = 0; i < k_depth; ++i) json += R"({"A_Expr": {"lexpr": )";
  json += R"({"ColumnRef": {"location": 5}})";
  for (int i = 0; i < k_depth; ++i) json += "}}";
  Node root = load(documents, json);
  int nodes = 0;
  walk(root, [&](const Node&) {
    ++nodes;
    return true;
  });
  EXPECT_EQ(nodes, k_depth + 1);
  EXPECT_EQ(root.first_location(), 5u);
}

TEST(Tree, RejectsInvalidJsonWithAMessage) {
  Documents documents;
  std::string error;
  EXPECT_FALSE(documents.load(R"({"a": )", &error).valid());
  EXPECT_FALSE(error.empty());
}

TEST(Tree, RestoresNegativeIntegerConstants) {
  Documents documents;
  std::string source = "SELECT -5, 0";
  std::string json = R"({"stmts":[{"ival":{},"location":7},{"ival":{},"location":11}]})";
  std::string error;
  Node root = documents.load_parse_tree(json, source, &error);
  ASSERT_TRUE(root.valid()) << error;
  NodeList constants = root.list("stmts");
  EXPECT_EQ(constants[0]["ival"].num("ival"), -5);
  EXPECT_EQ(constants[1]["ival"].num("ival"), 0);
  EXPECT_FALSE(constants[1]["ival"].has("ival"));
}

TEST(Tree, DocumentsLoadedOnManyThreadsShareFieldNames) {
  constexpr int k_threads = 8;
  std::vector<Documents> documents(k_threads);
  std::vector<std::vector<std::string>> kinds(k_threads);
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        // Field names no other test uses, so that the threads race to add them.
        std::string name = "Kind" + std::to_string(i);
        std::string error;
        Node root = documents[t].load(
            "{\"" + name + "\": {\"field_" + std::to_string(i) + "\": " + std::to_string(i) + "}}",
            &error);
        if (root.num("field_" + std::to_string(i)) == i) kinds[t].emplace_back(root.kind());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < k_threads; ++t) {
    ASSERT_EQ(kinds[t].size(), 200u);
    for (int i = 0; i < 200; ++i) EXPECT_EQ(kinds[t][i], "Kind" + std::to_string(i));
  }
}

}  // namespace
}  // namespace sqlgate::lint
