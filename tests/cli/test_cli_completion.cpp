// `sqlgate completion bash`: the script is sourced in bash and asked for completions the way
// bash asks (COMP_WORDS, COMP_CWORD), for subcommands, options and option values.
#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace sqlgate {
namespace {

using testing::run_sqlgate;

class Completion : public ::testing::Test {
 protected:
  void SetUp() override {
    auto script = run_sqlgate({"completion", "bash"});
    ASSERT_EQ(script.exit_code, 0) << script.err;
    m_script = m_dir.write("sqlgate.bash", script.out).string();
    m_dir.write("migrations/1_a.up.sql", "SELECT 1;\n");
    m_dir.write("migrations/1_a.down.sql", "SELECT 1;\n");
  }

  // The completions bash would offer for the words typed so far (the last one is the one
  // being completed), one a line.
  std::string complete(const std::vector<std::string>& words) {
    std::string array;
    for (const auto& word : words) array += " '" + word + "'";
    std::string program =
        "source '" + m_script + "' || exit 3\n" + "COMP_WORDS=(" + array + ")\n" +
        "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n" +
        "COMP_LINE=\"${COMP_WORDS[*]}\"\n"
        "_sqlgate\n"
        "if (( ${#COMPREPLY[@]} )); then printf '%s\\n' \"${COMPREPLY[@]}\"; fi\n";
    auto result =
        testing::run_program({"bash", "--norc", "--noprofile", "-c", program}, m_dir.path());
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    return result.out;
  }

  testing::TempDir m_dir;
  std::string m_script;
};

TEST_F(Completion, RegistersTheFunction) {
  auto result = testing::run_program(
      {"bash", "--norc", "-c", "source '" + m_script + "' && complete -p sqlgate"});
  EXPECT_EQ(result.out, "complete -F _sqlgate sqlgate\n") << result.err;
}

TEST_F(Completion, Subcommands) {
  EXPECT_EQ(complete({"sqlgate", ""}),
            "lint\nrules\nexplain\nup\ndown\ngoto\nforce\nversion\nstatus\ncreate\ndrop\n"
            "recover\nverify\nconfig\ncompletion\ncreate-down\n");
  EXPECT_EQ(complete({"sqlgate", "co"}), "config\ncompletion\n");
  EXPECT_EQ(complete({"sqlgate", "create"}), "create\ncreate-down\n");
  EXPECT_EQ(complete({"sqlgate", "create-down", "--f"}), "--force\n");
  EXPECT_EQ(complete({"sqlgate", "li"}), "lint\n");
  EXPECT_EQ(complete({"sqlgate", "d"}), "down\ndrop\n");
  EXPECT_EQ(complete({"sqlgate", "--v"}), "--version\n");
}

TEST_F(Completion, OptionsOfASubcommand) {
  EXPECT_EQ(complete({"sqlgate", "lint", "--for"}), "--format\n");
  EXPECT_EQ(complete({"sqlgate", "lint", "--f"}), "--fail-on\n--format\n--fix\n");
  EXPECT_EQ(complete({"sqlgate", "lint", "migrations", "--unsafe"}), "--unsafe-fixes\n");
  EXPECT_EQ(complete({"sqlgate", "config", "--pr"}), "--print\n");
  EXPECT_EQ(complete({"sqlgate", "rules", "--"}), "--help\n--format\n");
}

TEST_F(Completion, OptionValues) {
  EXPECT_EQ(complete({"sqlgate", "lint", "--format", ""}),
            "text\njson\nsarif\ngithub\ngcc\ngitlab\n");
  EXPECT_EQ(complete({"sqlgate", "lint", "--format", "g"}), "github\ngcc\ngitlab\n");
  EXPECT_EQ(complete({"sqlgate", "lint", "--format", "=", "sa"}), "sarif\n") << "--format=sa";
  EXPECT_EQ(complete({"sqlgate", "lint", "--fail-on", "w"}), "warning\n");
  EXPECT_EQ(complete({"sqlgate", "lint", "--select", "unused-"}), "unused-ignore\n");
  EXPECT_EQ(complete({"sqlgate", "lint", "--ignore", "met"}), "meta\n") << "categories too";
  EXPECT_EQ(complete({"sqlgate", "lint", "--pg-version", ""}), "") << "a number: no guess";
  EXPECT_EQ(complete({"sqlgate", "explain", "syntax-"}), "syntax-error\n");
  EXPECT_EQ(complete({"sqlgate", "completion", ""}), "bash\n");
}

TEST_F(Completion, PathsAndFiles) {
  EXPECT_EQ(complete({"sqlgate", "lint", "migr"}), "migrations\n");
  EXPECT_EQ(complete({"sqlgate", "lint", "migrations/1_a.u"}), "migrations/1_a.up.sql\n");
  EXPECT_EQ(complete({"sqlgate", "lint", "--config", "sqlgate.b"}), "sqlgate.bash\n");
}

TEST(CompletionCommand, OnlyBash) {
  auto result = run_sqlgate({"completion", "zsh"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("zsh not in {bash}"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace sqlgate
