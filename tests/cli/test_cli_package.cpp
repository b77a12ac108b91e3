// Installation and the Debian package: `cmake --install` puts the binary, README, the rule
// pages and the bash completion under a prefix; cpack builds a .deb whose Depends name the
// packages of the libraries the binary links (dpkg-shlibdeps), and the binary runs from the
// unpacked package.
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace sqlgate {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_program;

fs::path build_dir() {
  return testing::sqlgate_binary().parent_path();
}

std::string version_line() {
  return run_program({testing::sqlgate_binary().string(), "--version"}).out;
}

// Every rule page in the source tree, as rules/<category>/<id>.md.
std::vector<fs::path> rule_pages() {
  std::vector<fs::path> pages;
  for (const auto& entry : fs::recursive_directory_iterator(testing::source_dir() / "rules")) {
    if (entry.path().extension() == ".md") {
      pages.push_back(entry.path().lexically_relative(testing::source_dir()));
    }
  }
  return pages;
}

TEST(Package, InstallPutsBinaryDocsAndCompletionUnderThePrefix) {
  testing::TempDir dir;
  fs::path prefix = dir.path() / "prefix";
  auto installed =
      run_program({"cmake", "--install", build_dir().string(), "--prefix", prefix.string()});
  ASSERT_EQ(installed.exit_code, 0) << installed.out << installed.err;
  auto version = run_program({(prefix / "bin" / "sqlgate").string(), "--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, version_line());
  fs::path docs = prefix / "share" / "doc" / "sqlgate";
  EXPECT_EQ(read_file(docs / "README.md"), read_file(testing::source_dir() / "README.md"));
  auto pages = rule_pages();
  ASSERT_FALSE(pages.empty());
  for (const auto& page : pages) {
    EXPECT_EQ(read_file(docs / page), read_file(testing::source_dir() / page)) << page;
  }
  fs::path completion = prefix / "share" / "bash-completion" / "completions" / "sqlgate";
  EXPECT_EQ(read_file(completion),
            run_program({testing::sqlgate_binary().string(), "completion", "bash"}).out);
}

// The Debian package of each library the binary needs (NEEDED entries, resolved as the
// dynamic loader does).
// The packages of the libraries the binary links directly (its NEEDED entries); what those
// libraries need in turn is their packages' business.
std::vector<std::string> needed_packages(const fs::path& binary) {
  auto dynamic = run_program({"objdump", "-p", binary.string()});
  std::set<std::string> needed;
  std::istringstream entries(dynamic.out);
  for (std::string line; std::getline(entries, line);) {
    std::istringstream words(line);
    std::string tag, name;
    if (words >> tag >> name && tag == "NEEDED") needed.insert(name);
  }
  auto ldd = run_program({"ldd", binary.string()});
  std::vector<std::string> packages;
  std::istringstream lines(ldd.out);
  for (std::string line; std::getline(lines, line);) {
    auto arrow = line.find("=> /");
    if (arrow == std::string::npos) continue;
    std::string soname = line.substr(0, arrow);
    soname.erase(0, soname.find_first_not_of(" \t"));
    soname.erase(soname.find_last_not_of(" \t") + 1);
    if (!needed.contains(soname)) continue;
    std::string path = line.substr(arrow + 3, line.find(" (", arrow) - arrow - 3);
    std::error_code ec;
    fs::path real = fs::canonical(path, ec);
    auto owner = run_program({"dpkg", "-S", (ec ? fs::path(path) : real).string()});
    if (owner.exit_code != 0) continue;
    std::string package = owner.out.substr(0, owner.out.find(':'));
    packages.push_back(package);
  }
  return packages;
}

TEST(Package, DebianPackageDependsOnWhatTheBinaryLinks) {
  testing::TempDir dir;
  auto packed =
      run_program({"cpack", "-G", "DEB", "--config", (build_dir() / "CPackConfig.cmake").string(),
                   "-B", (dir.path() / "out").string()});
  ASSERT_EQ(packed.exit_code, 0) << packed.out << packed.err;
  fs::path deb;
  for (const auto& entry : fs::directory_iterator(dir.path() / "out")) {
    if (entry.path().extension() == ".deb") deb = entry.path();
  }
  ASSERT_FALSE(deb.empty()) << packed.out;

  auto field = [&](const std::string& name) {
    auto result = run_program({"dpkg-deb", "-f", deb.string(), name});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
  };
  EXPECT_EQ(field("Package"), "sqlgate\n");
  std::string depends = field("Depends");
  EXPECT_NE(depends.find("libpg-query"), std::string::npos) << depends;
  EXPECT_NE(depends.find("libc6"), std::string::npos) << depends;
  auto needed = needed_packages(testing::sqlgate_binary());
  ASSERT_FALSE(needed.empty());
  bool links_libpq = false;
  for (const auto& package : needed) {
    EXPECT_NE(depends.find(package), std::string::npos)
        << "the binary links a library of " << package << "; Depends: " << depends;
    links_libpq = links_libpq || package == "libpq5";
  }
  // The runner's commands talk to PostgreSQL through libpq itself: the binary links it, and so
  // must the package.
  std::string help = run_program({testing::sqlgate_binary().string(), "--help"}).out;
  bool has_runner = help.find("\n  up ") != std::string::npos;
  EXPECT_EQ(links_libpq, has_runner) << "the binary links libpq exactly when it has the runner";
  if (has_runner) {
    EXPECT_NE(depends.find("libpq5"), std::string::npos) << depends;
  }
  EXPECT_EQ(depends.find("libpqxx"), std::string::npos) << "nothing links libpqxx: " << depends;

  fs::path root = dir.path() / "root";
  auto unpacked = run_program({"dpkg-deb", "-x", deb.string(), root.string()});
  ASSERT_EQ(unpacked.exit_code, 0) << unpacked.err;
  auto version = run_program({(root / "usr" / "bin" / "sqlgate").string(), "--version"});
  EXPECT_EQ(version.exit_code, 0) << version.err;
  EXPECT_EQ(version.out, version_line());
  EXPECT_TRUE(fs::exists(root / "usr" / "share" / "doc" / "sqlgate" / "README.md"));
  EXPECT_TRUE(fs::exists(root / "usr" / "share" / "bash-completion" / "completions" / "sqlgate"));
}

}  // namespace
}  // namespace sqlgate
