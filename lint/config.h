// The project configuration, .sqlgate.json: found upward from the working directory, or named
// with --config. Command-line flags override it key by key; every value remembers where it
// came from (`sqlgate config --print`).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.h"
#include "lint/engine.h"
#include "lint/options.h"
#include "lint/rule.h"

namespace sqlgate::lint {

inline constexpr std::string_view k_config_file_name = ".sqlgate.json";

// A configuration the user got wrong: the message names the file, line:column and key.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where a value came from.
struct Origin {
  enum class Kind : std::uint8_t { default_value, file, flag };
  Kind kind = Kind::default_value;
  std::string where;  // the file's path, or the flag ("--fail-on"; empty for PATH arguments)

  // "default", "/repo/.sqlgate.json", "flag --fail-on", "command line"
  std::string describe() const;
};

template <typename T>
struct Setting {
  T value{};
  Origin origin;
};

// One entry of "rules" (a rule id or a category): its level and the rule's options.
struct RuleConfig {
  bool has_level = false;
  std::optional<Severity> severity;  // with has_level: nullopt = "off"
  RuleOptions options;
  Origin origin;
};

// One entry of "overrides": rule settings for the files its globs match.
struct OverrideConfig {
  std::vector<std::string> files;  // globs, relative to the configuration file's folder
  std::map<std::string, RuleConfig> rules;
  Origin origin;
};

// One entry of "sources": a migration folder with its own state table (the runner).
struct SourceConfig {
  std::string name;
  std::string path;                  // as written in the file (relative to its folder)
  std::optional<std::string> table;  // the state table; see Config::table_for()
};

struct Config {
  // The file read, when there was one; its folder anchors relative paths and globs.
  std::optional<std::filesystem::path> file;
  std::filesystem::path base;  // the file's folder, else the working directory

  Setting<std::vector<std::string>> paths{{"migrations/sql"}, {}};
  Setting<std::vector<SourceConfig>> sources;  // empty unless "sources" is set
  std::map<std::string, RuleConfig> rules;
  std::vector<OverrideConfig> overrides;
  Setting<int> pg_version{15, {}};
  Setting<Severity> fail_on{Severity::error, {}};
  Setting<NamingConvention> naming{NamingConvention::timestamp, {}};
  Setting<std::string> migrations_table{"schema_migrations", {}};
  Setting<std::chrono::milliseconds> lock_timeout{std::chrono::seconds(15), {}};
  Setting<std::string> docs_url;  // base URL of the rule pages (SARIF helpUri); empty: none

  // The folders to lint: the sources' paths when sources are configured, else paths; relative
  // paths resolved against the configuration's folder and shown relative to `cwd`.
  std::vector<std::string> lint_paths(const std::filesystem::path& cwd) const;
  // The state table of the source at `index`: its own "table", else migrations_table for the
  // first source and schema_migrations_<name> for the others.
  std::string table_for(std::size_t index) const;
  // The rule selection this configuration makes (rules and overrides), for RuleSet::configure;
  // the command line's --select, --ignore and --enable-all are added to it.
  RuleSelection selection(const RuleSet& known) const;
};

// Command-line values; each one set overrides the configuration's key of the same name.
struct ConfigFlags {
  std::optional<std::string> config_file;  // --config FILE
  std::optional<std::vector<std::string>> paths;
  std::optional<int> pg_version;
  std::optional<Severity> fail_on;
  std::optional<NamingConvention> naming;
  std::optional<std::string> migrations_table;
  std::optional<std::chrono::milliseconds> lock_timeout;
  std::optional<std::string> docs_url;
};

// The nearest .sqlgate.json in `from` or a folder above it.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& from);

// Parses a configuration's text; `rules` validates rule names and options. Throws ConfigError.
Config parse_config(std::string_view text, const std::filesystem::path& file, const RuleSet& rules);

// The effective configuration: defaults, then the file (--config, else found upward from
// cwd), then the flags. Throws ConfigError.
Config load_config(const ConfigFlags& flags, const std::filesystem::path& cwd,
                   const RuleSet& rules);

// Parses a duration: a number of seconds, or a number with a unit (ms, s, m), e.g. "1.5s".
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);
std::string format_duration(std::chrono::milliseconds duration);

// Glob matching for override paths: `*` and `?` within a path segment, `**` across segments,
// `[abc]`, `[a-z]`, `[!a]`. A pattern without `/` matches the file name in any folder.
bool glob_match(std::string_view pattern, std::string_view path);

// The candidate closest to `word` by edit distance, when it is close enough to be a typo.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

}  // namespace sqlgate::lint
