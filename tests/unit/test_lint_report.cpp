// The CI formats on findings built here: SARIF fixes and related places, GitHub's escaping,
// GitLab's fingerprints, the fix summary. (Whole outputs are golden-tested in tests/cli.)
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "lint/report/report.h"
#include "rules/registry.h"

namespace sqlgate::lint::report {
namespace {

using Json = nlohmann::json;

SourceFile file(std::string display, std::string text) {
  SourceFile source;
  source.path = display;
  source.display = std::move(display);
  source.text = std::move(text);
  classify(source);
  return source;
}

Diagnostic finding(const MigrationSet& set, const std::string& display, TextRange range,
                   std::string rule, Severity severity = Severity::error) {
  const SourceFile& source = set.files[static_cast<std::size_t>(set.find(display))];
  Diagnostic d;
  d.file = display;
  d.range = range;
  d.start = position_in(source.text, range.begin);
  d.end = position_in(source.text, range.end);
  d.rule = std::move(rule);
  d.category = Category::idempotency;
  d.severity = severity;
  d.message = "CREATE TABLE without IF NOT EXISTS";
  d.help = "write CREATE TABLE IF NOT EXISTS";
  return d;
}

LintResult result_of(std::vector<Diagnostic> diagnostics) {
  LintResult result;
  result.diagnostics = std::move(diagnostics);
  result.files = 1;
  for (const auto& d : result.diagnostics) {
    result.errors += d.severity == Severity::error;
    result.warnings += d.severity == Severity::warning;
    result.infos += d.severity == Severity::info;
  }
  return result;
}

RuleSet rule_set() {
  std::vector<Rule> list = rules::all();
  list.push_back(Rule{RuleInfo{"require-if-not-exists", Category::idempotency, Severity::error,
                               true, "CREATE without IF NOT EXISTS", FixKind::safe,
                               "# require-if-not-exists\n\nThe page.\n"},
                      nullptr, nullptr});
  return RuleSet(std::move(list), {});
}

TEST(Sarif, FixesRelatedPlacesAndUris) {
  MigrationSet set = make_set({file("db/1_a b.up.sql", "SELECT 1;\nCREATE TABLE t (\n  id int);\n"),
                               file("/abs/2_b.up.sql", "CREATE TABLE u (id int);\n")});
  Diagnostic d = finding(set, "db/1_a b.up.sql", TextRange{23, 24}, "require-if-not-exists");
  d.related.push_back(Related{"/abs/2_b.up.sql", TextRange{13, 14}, Position{1, 14}, "also here"});
  d.fix = Fix{"Add IF NOT EXISTS", true, {Edit{{23, 23}, "IF NOT EXISTS "}, Edit{{26, 29}, "("}}};
  Diagnostic unsafe =
      finding(set, "/abs/2_b.up.sql", TextRange{0, 24}, "require-if-not-exists", Severity::warning);
  unsafe.fix = Fix{"Replace it", false, {Edit{{0, 24}, "SELECT 2"}}, "db/new.sql"};
  RuleSet rules = rule_set();
  std::ostringstream out;
  write_sarif(out, result_of({d, unsafe}), set,
              RunInfo{&rules, "1.2.3", "https://x.example/docs", "/work/repo"});
  Json sarif = Json::parse(out.str());
  const Json& run = sarif["runs"][0];
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///work/repo/");

  const Json* descriptor = nullptr;
  for (const auto& rule : run["tool"]["driver"]["rules"]) {
    if (rule["id"] == "require-if-not-exists") descriptor = &rule;
  }
  ASSERT_NE(descriptor, nullptr);
  EXPECT_EQ((*descriptor)["name"], "RequireIfNotExists");
  EXPECT_EQ((*descriptor)["help"]["markdown"], "# require-if-not-exists\n\nThe page.\n");
  EXPECT_EQ((*descriptor)["helpUri"], "https://x.example/docs/require-if-not-exists.md");
  EXPECT_EQ((*descriptor)["defaultConfiguration"]["level"], "error");

  const Json& first = run["results"][0];
  const Json& location = first["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "db/1_a%20b.up.sql");
  EXPECT_EQ(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(location["region"],
            (Json{{"startLine", 2}, {"startColumn", 14}, {"endLine", 2}, {"endColumn", 15}}));
  const Json& related = first["relatedLocations"][0];
  EXPECT_EQ(related["message"]["text"], "also here");
  EXPECT_EQ(related["physicalLocation"]["artifactLocation"]["uri"], "file:///abs/2_b.up.sql");
  EXPECT_FALSE(related["physicalLocation"]["artifactLocation"].contains("uriBaseId"));
  EXPECT_EQ(related["physicalLocation"]["region"]["startColumn"], 14);
  EXPECT_EQ(related["physicalLocation"]["region"]["endColumn"], 15);

  ASSERT_EQ(first["fixes"].size(), 1u);
  const Json& fix = first["fixes"][0];
  EXPECT_EQ(fix["description"]["text"], "Add IF NOT EXISTS");
  const Json& change = fix["artifactChanges"][0];
  EXPECT_EQ(change["artifactLocation"]["uri"], "db/1_a%20b.up.sql");
  ASSERT_EQ(change["replacements"].size(), 2u);
  EXPECT_EQ(change["replacements"][0]["deletedRegion"],
            (Json{{"startLine", 2}, {"startColumn", 14}, {"endLine", 2}, {"endColumn", 14}}))
      << "an insertion is an empty region";
  EXPECT_EQ(change["replacements"][0]["insertedContent"]["text"], "IF NOT EXISTS ");
  EXPECT_EQ(change["replacements"][1]["deletedRegion"],
            (Json{{"startLine", 2}, {"startColumn", 17}, {"endLine", 3}, {"endColumn", 3}}));

  const Json& second = run["results"][1];
  EXPECT_EQ(second["level"], "warning");
  EXPECT_EQ(second["fixes"][0]["description"]["text"], "Replace it (unsafe: changes behaviour)");
  EXPECT_EQ(second["fixes"][0]["artifactChanges"][0]["artifactLocation"]["uri"], "db/new.sql");
  EXPECT_NE(first["partialFingerprints"]["sqlgate/v1"],
            second["partialFingerprints"]["sqlgate/v1"]);
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], true);
}

TEST(Sarif, UnreadableFilesMakeTheRunUnsuccessful) {
  LintResult result;
  result.io_errors.push_back("db/1_a.up.sql: Permission denied");
  std::ostringstream out;
  write_sarif(out, result, MigrationSet{}, RunInfo{});
  Json run = Json::parse(out.str())["runs"][0];
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], false);
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"],
            "cannot read db/1_a.up.sql: Permission denied");
  EXPECT_TRUE(run["results"].empty());
  EXPECT_FALSE(run.contains("originalUriBaseIds"));
}

TEST(RuleUrl, TemplateOrAppended) {
  RuleInfo rule{"drop-order", Category::pairing};
  EXPECT_EQ(rule_url("", rule), "");
  EXPECT_EQ(rule_url("https://d.example/r/", rule), "https://d.example/r/drop-order.md");
  EXPECT_EQ(rule_url("https://d.example/r", rule), "https://d.example/r/drop-order.md");
  EXPECT_EQ(rule_url("https://g.example/blob/main/rules/{category}/{rule}.md", rule),
            "https://g.example/blob/main/rules/pairing/drop-order.md");
  EXPECT_EQ(rule_url("https://d.example/#{rule}", rule), "https://d.example/#drop-order");
}

TEST(Github, EscapesDataAndProperties) {
  MigrationSet set = make_set({file("db/a:b,c%d.sql", "CREATE TABLE t (\n id int);\nSELECT 1;\n")});
  Diagnostic one_line = finding(set, "db/a:b,c%d.sql", TextRange{13, 14}, "rule:x,y");
  one_line.message = "100% sure,\r\nreally: yes";
  one_line.help = "";
  Diagnostic lines = finding(set, "db/a:b,c%d.sql", TextRange{0, 25}, "r", Severity::info);
  Diagnostic warning = finding(set, "db/a:b,c%d.sql", TextRange{27, 27}, "w", Severity::warning);
  std::ostringstream out;
  write_github(out, result_of({one_line, lines, warning}));
  std::istringstream in(out.str());
  std::string first;
  std::string second;
  std::string third;
  std::getline(in, first);
  std::getline(in, second);
  std::getline(in, third);
  EXPECT_EQ(first,
            "::error file=db/a%3Ab%2Cc%25d.sql,line=1,col=14,endLine=1,endColumn=14,"
            "title=rule%3Ax%2Cy::100%25 sure,%0D%0Areally: yes");
  EXPECT_EQ(second,
            "::notice file=db/a%3Ab%2Cc%25d.sql,line=1,endLine=2,title=r::CREATE TABLE without "
            "IF NOT EXISTS%0Ahelp: write CREATE TABLE IF NOT EXISTS")
      << "no columns across lines";
  EXPECT_TRUE(
      third.starts_with("::warning file=db/a%3Ab%2Cc%25d.sql,line=3,col=1,endLine=3,"
                        "endColumn=1,title=w::"))
      << third;
}

TEST(Gcc, OneLinePerEntry) {
  MigrationSet set = make_set({file("1_a.up.sql", "SELECT 1;\n")});
  Diagnostic d = finding(set, "1_a.up.sql", TextRange{0, 6}, "some-rule", Severity::info);
  d.message = "two\nlines";
  d.related.push_back(Related{"0_z.up.sql", TextRange{0, 1}, Position{4, 2}, "created here"});
  std::ostringstream out;
  write_gcc(out, result_of({d}));
  EXPECT_EQ(out.str(),
            "1_a.up.sql:1:1: note: two lines [some-rule]\n"
            "1_a.up.sql:1:1: note: help: write CREATE TABLE IF NOT EXISTS\n"
            "0_z.up.sql:4:2: note: created here\n");
}

std::vector<std::string> prints_of(const std::string& text, const std::vector<TextRange>& ranges) {
  MigrationSet set = make_set({file("./db/1_a.up.sql", text)});
  std::vector<Diagnostic> diagnostics;
  for (auto range : ranges) diagnostics.push_back(finding(set, "./db/1_a.up.sql", range, "r"));
  return fingerprints(result_of(diagnostics), set);
}

TEST(Gitlab, FingerprintsSurviveLineShiftsAndTellDuplicatesApart) {
  std::string text =
      "CREATE TABLE a (id int);\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
  auto before = prints_of(text, {{13, 14}, {38, 39}, {63, 64}});
  ASSERT_EQ(before.size(), 3u);
  EXPECT_EQ(before[0].size(), 32u);
  EXPECT_NE(before[0], before[1]) << "the same text twice: two findings";
  EXPECT_NE(before[1], before[2]);

  std::string shifted = "-- a comment\n\n" + text;
  auto after = prints_of(shifted, {{27, 28}, {52, 53}, {77, 78}});
  EXPECT_EQ(before, after) << "lines added above change no fingerprint";

  std::string indented = "CREATE   TABLE a (id int);\n" + text.substr(25);
  EXPECT_EQ(prints_of(indented, {{15, 16}})[0], before[0]) << "white space is collapsed";

  std::string edited = "CREATE TABLE a (id bigint);\n" + text.substr(25);
  EXPECT_NE(prints_of(edited, {{13, 14}})[0], before[0]) << "the flagged line changed";

  EXPECT_EQ(ci_path("./db/1_a.up.sql"), "db/1_a.up.sql");
}

TEST(Gitlab, CodeQualityIssues) {
  MigrationSet set = make_set({file("db/1_a.up.sql", "CREATE TABLE a (\n id int);\n")});
  Diagnostic d = finding(set, "db/1_a.up.sql", TextRange{0, 25}, "r", Severity::warning);
  d.category = Category::safety;
  std::ostringstream out;
  write_gitlab(out, result_of({d}), set);
  Json issue = Json::parse(out.str())[0];
  EXPECT_EQ(issue["type"], "issue");
  EXPECT_EQ(issue["check_name"], "r");
  EXPECT_EQ(issue["description"],
            "CREATE TABLE without IF NOT EXISTS (write CREATE TABLE IF NOT EXISTS)");
  EXPECT_EQ(issue["severity"], "minor");
  EXPECT_EQ(issue["categories"], Json::array({"Performance"}));
  EXPECT_EQ(issue["location"]["path"], "db/1_a.up.sql");
  EXPECT_EQ(issue["location"]["lines"]["begin"], 1);
  EXPECT_EQ(issue["location"]["lines"]["end"], 2);
  EXPECT_EQ(issue["fingerprint"], fingerprints(result_of({d}), set)[0]);
}

TEST(FixSummary, SaysWhatWasFixedAndWhatWasNot) {
  FixOutcome outcome;
  outcome.changes.push_back(FileChange{"a.sql", "a.sql", "x", "y", false});
  outcome.applied.push_back(
      AppliedFix{"a.sql", {3, 14}, "if-not-exists", "Add IF NOT EXISTS", true});
  outcome.applied.push_back(AppliedFix{"a.sql", {5, 1}, "cascade", "Add CASCADE", false});
  outcome.rejected.push_back(
      RejectedFix{"b.sql", {2, 1}, "broken", "Break it", "it would leave the file unparseable"});
  outcome.unsafe_available = 2;
  outcome.passes = 10;
  outcome.settled = false;
  std::ostringstream out;
  write_fix_summary(out, outcome, false);
  EXPECT_EQ(out.str(),
            "Fixed 2 findings in 1 file:\n"
            "  a.sql:3:14: if-not-exists: Add IF NOT EXISTS\n"
            "  a.sql:5:1: cascade: Add CASCADE (unsafe)\n"
            "Not fixed: b.sql:2:1: broken: Break it: it would leave the file unparseable\n"
            "2 more fixes available with --unsafe-fixes (they change behaviour: review them).\n"
            "Fixes were still applying after 10 rounds; run again and review the result.\n");
  std::ostringstream dry;
  write_fix_summary(dry, FixOutcome{}, true);
  EXPECT_EQ(dry.str(), "No fix to apply.\n");
}

}  // namespace
}  // namespace sqlgate::lint::report
