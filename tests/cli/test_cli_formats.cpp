// Every output format of `sqlgate lint`, against golden files (tests/cli/golden/expected), on
// the project in tests/cli/golden/project. A change in output shows as a unified diff; to
// accept it, run the test with SQLGATE_UPDATE_GOLDEN=1 and review the files' diff.
#include <cstdlib>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "lint/diff.h"
#include "tests/support/testing.h"

namespace sqlgate {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_sqlgate;

fs::path golden_dir() {
  return testing::source_dir() / "tests" / "cli" / "golden";
}
fs::path project() {
  return golden_dir() / "project";
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::string version() {
  std::string text = run_sqlgate({"--version"}).out;  // "sqlgate X.Y.Z\n"
  return text.substr(8, text.size() - 9);
}

// Compares with tests/cli/golden/expected/NAME (or rewrites it under SQLGATE_UPDATE_GOLDEN).
void expect_golden(const std::string& name, std::string actual) {
  replace_all(actual, project().string(), "<PROJECT>");
  replace_all(actual, "\"" + version() + "\"", "\"<VERSION>\"");
  fs::path path = golden_dir() / "expected" / name;
  const char* update = std::getenv("SQLGATE_UPDATE_GOLDEN");
  if (update != nullptr && *update != '\0') {
    testing::write_file(path, actual);
    return;
  }
  ASSERT_TRUE(fs::exists(path)) << "missing " << path << "; run with SQLGATE_UPDATE_GOLDEN=1";
  std::string expected = read_file(path);
  EXPECT_TRUE(expected == actual) << "output differs from " << path << ":\n"
                                  << lint::unified_diff(expected, actual, name);
}

testing::CommandResult lint_project(const std::string& format) {
  return run_sqlgate({"lint", "--select", "syntax,meta", "--format", format}, project(),
                     {{"NO_COLOR", ""}});
}

TEST(Formats, Text) {
  auto result = lint_project("text");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.err, "");
  expect_golden("lint.text", result.out);
}

TEST(Formats, Json) {
  auto result = lint_project("json");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_TRUE(nlohmann::json::parse(result.out).is_object());
  expect_golden("lint.json", result.out);
}

TEST(Formats, Github) {
  auto result = lint_project("github");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  expect_golden("lint.github", result.out);
}

TEST(Formats, Gcc) {
  auto result = lint_project("gcc");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  expect_golden("lint.gcc", result.out);
}

TEST(Formats, Gitlab) {
  auto result = lint_project("gitlab");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  auto issues = nlohmann::json::parse(result.out);
  ASSERT_TRUE(issues.is_array());
  std::set<std::string> prints;
  for (const auto& issue : issues) {
    for (const char* key : {"description", "check_name", "fingerprint", "severity", "location"}) {
      EXPECT_TRUE(issue.contains(key)) << key;
    }
    EXPECT_TRUE(prints.insert(issue["fingerprint"].get<std::string>()).second) << "unique";
    EXPECT_TRUE(issue["location"]["lines"]["begin"].is_number());
  }
  expect_golden("lint.gitlab.json", result.out);
}

TEST(Formats, Sarif) {
  auto result = lint_project("sarif");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  nlohmann::ordered_json sarif;
  ASSERT_NO_THROW(sarif = nlohmann::ordered_json::parse(result.out)) << result.out;

  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_EQ(sarif["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(sarif["runs"].size(), 1u);
  auto& run = sarif["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file://" + project().string() + "/");
  auto& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "sqlgate");
  EXPECT_EQ(driver["version"], version());
  EXPECT_EQ(driver["semanticVersion"], version());

  // Every rule that ran: id, name, descriptions, its page as help, the link, its level.
  std::map<std::string, std::size_t> rule_index;
  for (std::size_t i = 0; i < driver["rules"].size(); ++i) {
    auto& rule = driver["rules"][i];
    std::string id = rule["id"];
    rule_index[id] = i;
    EXPECT_FALSE(rule["name"].get<std::string>().empty()) << id;
    EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty()) << id;
    EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().empty()) << id;
    std::string page = run_sqlgate({"explain", id}).out;
    EXPECT_EQ(rule["help"]["markdown"], page) << id << ": help is the rule's page";
    EXPECT_EQ(rule["help"]["text"], page) << id;
    std::string category = rule["properties"]["category"];
    EXPECT_EQ(rule["helpUri"], "https://sqlgate.example/rules/" + category + "/" + id + ".md");
    EXPECT_TRUE(rule["defaultConfiguration"]["level"] == "error" ||
                rule["defaultConfiguration"]["level"] == "warning" ||
                rule["defaultConfiguration"]["level"] == "note");
    rule["help"]["markdown"] = "<the page of " + id + ">";
    rule["help"]["text"] = "<the page of " + id + ">";
  }
  ASSERT_TRUE(rule_index.contains("unknown-rule"));
  EXPECT_EQ(driver["rules"][rule_index["unknown-rule"]]["name"], "UnknownRule");
  EXPECT_EQ(driver["rules"][rule_index["syntax-error"]]["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(driver["rules"][rule_index["unused-ignore"]]["defaultConfiguration"]["level"], "note");

  // The configuration's change to a rule's level is recorded.
  const auto& overrides = run["invocations"][0]["ruleConfigurationOverrides"];
  ASSERT_EQ(overrides.size(), 1u);
  EXPECT_EQ(overrides[0]["descriptor"]["id"], "unknown-directive");
  EXPECT_EQ(overrides[0]["configuration"]["level"], "warning");
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], true);

  const auto& results = run["results"];
  ASSERT_EQ(results.size(), 5u);
  for (const auto& item : results) {
    std::string id = item["ruleId"];
    EXPECT_EQ(item["ruleIndex"], rule_index.at(id));
    EXPECT_FALSE(item["message"]["text"].get<std::string>().empty());
    const auto& location = item["locations"][0]["physicalLocation"];
    EXPECT_EQ(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    for (const char* key : {"startLine", "startColumn", "endLine", "endColumn"}) {
      EXPECT_TRUE(location["region"][key].is_number_integer()) << key;
    }
    EXPECT_TRUE(item["partialFingerprints"]["sqlgate/v1"].is_string());
    EXPECT_FALSE(item.contains("fixes")) << "no rule here has a fix";
  }
  // 'café ✓' before the finding: columns count code points, not bytes.
  const auto& first = results[0];
  EXPECT_EQ(first["ruleId"], "unknown-rule");
  EXPECT_EQ(first["level"], "error");
  EXPECT_EQ(first["message"]["text"],
            "unknown rule 'no-such-rule' in sqlgate:ignore\nhelp: `sqlgate rules` lists every rule "
            "id");
  const auto& region = first["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startLine"], 6);
  EXPECT_EQ(region["startColumn"], 55);
  EXPECT_EQ(region["endLine"], 6);
  EXPECT_EQ(region["endColumn"], 67) << "SARIF's end column is the one after the region";
  EXPECT_EQ(results[3]["level"], "note");
  EXPECT_EQ(results[4]["level"], "warning");
  EXPECT_EQ(results[4]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "migrations/20250103000000_audit%25log%2Cv2.up.sql");

  expect_golden("lint.sarif.json", sarif.dump(2) + "\n");
}

TEST(Formats, ConfigPrint) {
  auto result = run_sqlgate({"config", "--print", "--fail-on", "warning"}, project());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  expect_golden("config.txt", result.out);
}

// Runs the binary on a pseudo-terminal: what it prints when a person is looking.
std::string run_on_terminal(const std::vector<std::string>& args, const fs::path& cwd,
                            bool no_color) {
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) return "(forkpty failed)";
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    if (no_color) {
      setenv("NO_COLOR", "1", 1);
    } else {
      unsetenv("NO_COLOR");
    }
    std::vector<std::string> argv{testing::sqlgate_binary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> pointers;
    for (auto& arg : argv) pointers.push_back(arg.data());
    pointers.push_back(nullptr);
    execv(pointers[0], pointers.data());
    _exit(127);
  }
  std::string out;
  char buffer[4096];
  while (true) {
    pollfd fd{master, POLLIN, 0};
    if (poll(&fd, 1, 10000) <= 0) break;
    ssize_t n = read(master, buffer, sizeof buffer);
    if (n <= 0) break;  // EIO once the child has exited
    out.append(buffer, static_cast<std::size_t>(n));
  }
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  return out;
}

TEST(Formats, TextIsColouredOnlyOnATerminalWithoutNoColor) {
  std::vector<std::string> args{"lint", "--select", "syntax,meta"};
  std::string terminal = run_on_terminal(args, project(), false);
  EXPECT_NE(terminal.find("\x1b[31m"), std::string::npos) << "errors in red on a terminal";
  EXPECT_NE(terminal.find("unknown rule 'no-such-rule'"), std::string::npos) << terminal;

  std::string no_color = run_on_terminal(args, project(), true);
  EXPECT_NE(no_color.find("unknown rule 'no-such-rule'"), std::string::npos) << no_color;
  EXPECT_EQ(no_color.find('\x1b'), std::string::npos) << "NO_COLOR: no escape sequence";
  args.push_back("--color=always");
  EXPECT_EQ(run_on_terminal(args, project(), true).find('\x1b'), std::string::npos)
      << "NO_COLOR wins over --color=always";

  EXPECT_EQ(lint_project("text").out.find('\x1b'), std::string::npos) << "not a terminal";
  auto forced = run_sqlgate({"lint", "--select", "syntax,meta", "--color", "always"}, project(),
                            {{"NO_COLOR", ""}});
  EXPECT_NE(forced.out.find("\x1b[31m"), std::string::npos) << "--color always, no terminal";
}

}  // namespace
}  // namespace sqlgate
