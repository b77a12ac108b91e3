// One table-driven suite over tests/rules/<rule-id>/:
//   ok.sql or ok/        no finding of that rule
//   err.sql or err/      exactly the findings listed in err.expected
//   err.expected         one finding a line: "LINE:COLUMN rule-id" for err.sql,
//                        "FILE:LINE:COLUMN rule-id" (FILE relative to err/) for a folder;
//                        blank lines and lines starting with # are skipped
//   fix.expected.sql     (err.sql only) the text after applying every fix of that rule
//   ok.history,          (optional) what the change adds: "new FILE" lines (FILE relative to
//   err.history          the folder) and "applied VERSION", as --changed-since and
//                        --since-version give them
// A folder is linted as a migration set, recursively; a single file as a set of one.
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "lint/engine.h"
#include "lint/fix.h"
#include "rules/registry.h"
#include "tests/support/testing.h"

namespace sqlgate {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

fs::path fixtures() {
  return testing::source_dir() / "tests" / "rules";
}

lint::RuleSet only(std::string_view id) {
  lint::RuleSet set = rules::make_rule_set();
  lint::RuleSelection selection;
  selection.select = {std::string(id)};
  set.configure(selection);
  return set;
}

struct Linted {
  lint::MigrationSet set;
  lint::LintResult result;
};

std::vector<std::string> expected_lines(const fs::path& path);

// Reads <stem>.history beside a fixture into the options.
void read_history(const fs::path& path, lint::LintOptions& options) {
  fs::path history = path.parent_path() / (path.stem().string() + ".history");
  if (!fs::exists(history)) return;
  auto added = std::make_shared<std::set<std::string>>();
  for (const auto& line : expected_lines(history)) {
    if (line.rfind("new ", 0) == 0) added->insert(line.substr(4));
    if (line.rfind("applied ", 0) == 0) options.applied_version = lint::Version(line.substr(8));
  }
  options.is_new = [added, path](const lint::SourceFile& file) {
    return added->count(fs::path(file.display).lexically_relative(path).generic_string()) != 0;
  };
}

Linted lint_fixture(const fs::path& path, std::string_view id) {
  Linted linted;
  linted.set = lint::discover({path.string()}, lint::DiscoverOptions{true});
  lint::LintOptions options{1, 15, {}};
  read_history(path, options);
  linted.result = lint::lint(linted.set, only(id), options);
  return linted;
}

std::string describe(const lint::Diagnostic& d, const fs::path& base, bool with_file) {
  std::ostringstream out;
  if (with_file) out << fs::path(d.file).lexically_relative(base).generic_string() << ':';
  out << d.start.line << ':' << d.start.column << ' ' << d.rule;
  return out.str();
}

std::vector<std::string> expected_lines(const fs::path& path) {
  std::vector<std::string> lines;
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    lines.push_back(line);
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

fs::path pick(const fs::path& dir, const std::string& stem) {
  if (fs::is_directory(dir / stem)) return dir / stem;
  return dir / (stem + ".sql");
}

class RuleFixtures : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleFixtures, OkHasNoFinding) {
  const std::string& id = GetParam();
  fs::path ok = pick(fixtures() / id, "ok");
  ASSERT_TRUE(fs::exists(ok)) << "missing " << ok;
  Linted linted = lint_fixture(ok, id);
  std::vector<std::string> found;
  for (const auto& d : linted.result.diagnostics) {
    if (d.rule == id) found.push_back(describe(d, ok, fs::is_directory(ok)) + ": " + d.message);
  }
  EXPECT_TRUE(found.empty()) << joined(found);
}

TEST_P(RuleFixtures, ErrHasExactlyTheExpectedFindings) {
  const std::string& id = GetParam();
  fs::path dir = fixtures() / id;
  fs::path err = pick(dir, "err");
  ASSERT_TRUE(fs::exists(err)) << "missing " << err;
  ASSERT_TRUE(fs::exists(dir / "err.expected")) << "missing " << dir / "err.expected";
  Linted linted = lint_fixture(err, id);
  std::vector<std::string> found;
  std::string messages;
  for (const auto& d : linted.result.diagnostics) {
    if (d.rule != id) continue;
    found.push_back(describe(d, err, fs::is_directory(err)));
    messages += found.back() + ": " + d.message + "\n";
  }
  std::vector<std::string> expected = expected_lines(dir / "err.expected");
  ASSERT_FALSE(expected.empty()) << "err.expected lists no finding";
  EXPECT_EQ(joined(expected), joined(found)) << "findings:\n" << messages;
  for (const auto& d : linted.result.diagnostics) {
    EXPECT_FALSE(d.message.empty()) << d.rule;
    EXPECT_FALSE(d.help.empty()) << d.rule << " at " << d.start.line << ": every finding says "
                                 << "what to write instead";
  }
}

// Every file of a folder by its path relative to it.
std::map<std::string, std::string> folder_texts(const fs::path& root) {
  std::map<std::string, std::string> texts;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      texts[entry.path().lexically_relative(root).generic_string()] = read_file(entry.path());
    }
  }
  return texts;
}

// A rule on the migration set: the fixes of err/ (files they create included) give
// fix.expected/; then every rule, re-run, finds nothing new, and the rule fires only where no
// fix applied.
void folder_fixes_round_trip(const std::string& id, const fs::path& dir) {
  testing::TempDir temp;
  fs::path set = temp.path() / "set";
  fs::copy(dir / "err", set, fs::copy_options::recursive);
  auto before = lint::discover({set.string()}, lint::DiscoverOptions{true});
  lint::FixOutcome outcome =
      lint::fix_set(before, only(id), lint::LintOptions{1, 15, {}}, lint::FixOptions{true});
  EXPECT_TRUE(outcome.rejected.empty()) << outcome.rejected.front().reason;
  ASSERT_FALSE(outcome.applied.empty()) << "no finding in err/ carries a fix";
  lint::write_changes(outcome.changes);
  EXPECT_EQ(folder_texts(set), folder_texts(dir / "fix.expected"));

  auto everything = rules::make_rule_set();
  lint::LintResult old_result = lint::lint(before, everything, lint::LintOptions{1, 15, {}});
  lint::LintResult new_result =
      lint::lint(lint::discover({set.string()}, {true}), everything, lint::LintOptions{1, 15, {}});
  std::multiset<std::string> old_rules;
  std::size_t old_count = 0;
  for (const auto& d : old_result.diagnostics) {
    old_rules.insert(d.rule);
    old_count += d.rule == id ? 1 : 0;
  }
  std::size_t still = 0;
  for (const auto& d : new_result.diagnostics) {
    EXPECT_NE(d.rule, lint::k_syntax_error) << "the fix broke the SQL: " << d.message;
    if (d.rule == id) {
      ++still;
    } else {
      EXPECT_TRUE(old_rules.contains(d.rule))
          << "the fix brought a new finding: " << d.rule << " in " << d.file << ":" << d.start.line
          << ": " << d.message;
    }
  }
  EXPECT_EQ(still, old_count - outcome.applied.size()) << id << " still fires after its fixes";
}

TEST_P(RuleFixtures, FixesRoundTrip) {
  const std::string& id = GetParam();
  fs::path dir = fixtures() / id;
  fs::path expected_path = dir / "fix.expected.sql";
  lint::RuleSet all_rules = rules::make_rule_set();  // outlives the rule it finds
  const lint::Rule* rule = all_rules.find(id);
  ASSERT_NE(rule, nullptr);
  if (fs::is_directory(dir / "fix.expected")) {
    folder_fixes_round_trip(id, dir);
    return;
  }
  if (!fs::exists(expected_path)) {
    EXPECT_EQ(rule->info.fix, lint::FixKind::none)
        << id << " declares fixes: add tests/rules/" << id << "/fix.expected.sql (or "
        << "fix.expected/ for err/)";
    return;
  }
  fs::path err = dir / "err.sql";
  ASSERT_TRUE(fs::exists(err)) << "fix.expected.sql goes with err.sql";
  Linted linted = lint_fixture(err, id);
  std::vector<lint::Edit> edits;
  for (const auto& d : linted.result.diagnostics) {
    if (d.rule == id && d.fix) edits.insert(edits.end(), d.fix->edits.begin(), d.fix->edits.end());
  }
  ASSERT_FALSE(edits.empty()) << "no finding in err.sql carries a fix";
  std::string fixed = lint::apply_edits(linted.set.files.front().text, edits);
  EXPECT_EQ(read_file(expected_path), fixed);

  // Re-parse and re-lint the fixed text: the rule no longer fires on what it fixed, and no
  // rule finds anything new.
  testing::TempDir temp;
  fs::path before = temp.write("before/" + err.filename().string(), read_file(err));
  fs::path after = temp.write("after/" + err.filename().string(), fixed);
  auto everything = rules::make_rule_set();
  auto run = [&](const fs::path& path) {
    auto set = lint::discover({path.string()}, {});
    return lint::lint(set, everything, lint::LintOptions{1, 15, {}});
  };
  auto old_result = run(before);
  auto new_result = run(after);
  std::multiset<std::string> old_rules;
  for (const auto& d : old_result.diagnostics) old_rules.insert(d.rule);
  std::size_t fixed_findings = 0;
  for (const auto& d : linted.result.diagnostics) fixed_findings += d.fix ? 1 : 0;
  std::size_t still = 0;
  for (const auto& d : new_result.diagnostics) {
    EXPECT_NE(d.rule, lint::k_syntax_error) << "the fix broke the SQL: " << d.message;
    if (d.rule == id) {
      ++still;
    } else {
      EXPECT_TRUE(old_rules.contains(d.rule)) << "the fix brought a new finding: " << d.rule
                                              << " at " << d.start.line << ": " << d.message;
    }
  }
  std::size_t before_count = static_cast<std::size_t>(
      std::count_if(old_result.diagnostics.begin(), old_result.diagnostics.end(),
                    [&](const lint::Diagnostic& d) { return d.rule == id; }));
  EXPECT_EQ(still, before_count - fixed_findings) << id << " still fires after its fixes";
}

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const auto& rule : rules::all()) ids.emplace_back(rule.info.id);
  return ids;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixtures, ::testing::ValuesIn(rule_ids()), test_name);

TEST(RuleCatalogue, EveryRuleHasADocPageAndFixtures) {
  std::set<std::string> ids;
  for (const auto& rule : rules::all()) {
    std::string id(rule.info.id);
    EXPECT_TRUE(ids.insert(id).second) << "duplicate rule id " << id;
    EXPECT_FALSE(rule.info.doc.empty()) << id << " has no doc page";
    EXPECT_TRUE(rule.info.doc.starts_with("# " + id + "\n"))
        << id << ": the page's title is its id";
    EXPECT_FALSE(rule.info.summary.empty()) << id;
    EXPECT_TRUE(fs::is_directory(fixtures() / id)) << id << " has no fixture folder";
    // kebab-case ids
    EXPECT_TRUE(std::all_of(id.begin(), id.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    })) << id;
  }
  for (const auto& entry : fs::directory_iterator(fixtures())) {
    if (!entry.is_directory()) continue;
    std::string name = entry.path().filename().string();
    EXPECT_TRUE(ids.contains(name)) << "tests/rules/" << name << " belongs to no rule";
  }
  lint::RuleSet all_rules = rules::make_rule_set();  // outlives the rules it finds
  for (const auto& entry : fs::recursive_directory_iterator(testing::source_dir() / "rules")) {
    if (entry.path().extension() != ".md") continue;
    std::string id = entry.path().stem().string();
    EXPECT_TRUE(ids.contains(id)) << entry.path() << " is the page of no rule";
    auto category = entry.path().parent_path().filename().string();
    if (const lint::Rule* rule = all_rules.find(id)) {
      EXPECT_EQ(category, lint::to_string(rule->info.category))
          << id << "'s page is in the wrong category folder";
    }
  }
}

// golang-migrate refuses a folder with two migrations of one version, and the order in which
// the checks read two such files is not the one a real folder would give: every fixture folder
// (but duplicate-version's own) has one migration per version.
TEST(RuleCatalogue, FixtureFoldersHaveOneMigrationPerVersion) {
  for (const auto& rule : fs::directory_iterator(fixtures())) {
    if (!rule.is_directory() || rule.path().filename() == "duplicate-version") continue;
    for (const char* kind : {"ok", "err"}) {
      fs::path folder = rule.path() / kind;
      if (!fs::is_directory(folder)) continue;
      std::map<std::string, std::string> name_of;  // version -> migration name
      for (const auto& entry : fs::directory_iterator(folder)) {
        std::string file = entry.path().filename().string();
        std::size_t underscore = file.find('_');
        if (!entry.is_regular_file() || underscore == std::string::npos ||
            (!file.ends_with(".up.sql") && !file.ends_with(".down.sql"))) {
          continue;
        }
        std::string version = file.substr(0, underscore);
        std::string name = file.substr(underscore + 1, file.find('.') - underscore - 1);
        auto [it, added] = name_of.emplace(version, name);
        EXPECT_TRUE(added || it->second == name)
            << folder << ": version " << version << " is both " << it->second << " and " << name;
      }
    }
  }
}

}  // namespace
}  // namespace sqlgate
