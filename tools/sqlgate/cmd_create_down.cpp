#include <filesystem>
#include <memory>
#include <stdexcept>

#include <CLI/CLI.hpp>

#include "lint/fix.h"
#include "lint/source.h"
#include "lint/sql.h"
#include "rules/pairing/down_generator.h"
#include "rules/registry.h"
#include "tools/sqlgate/app.h"

namespace sqlgate::cli {
namespace {

namespace fs = std::filesystem;

struct CreateDownArgs {
  std::string version;
  std::string path;
  bool force = false;
  bool print = false;
  ConfigArgs config;
};

lint::Version parse_version(const std::string& text) {
  try {
    return lint::Version(text);
  } catch (const std::invalid_argument&) {
    throw UsageError("VERSION wants a migration version (digits), got '" + text + "'");
  }
}

std::string joined(const std::vector<std::string>& paths) {
  std::string text;
  for (const auto& path : paths) text += (text.empty() ? "" : ", ") + path;
  return text;
}

// The index of the one up migration of that version; a usage error when there is none or more.
std::size_t find_up(const lint::MigrationSet& set, const lint::Version& version,
                    const std::vector<std::string>& paths) {
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < set.files.size(); ++i) {
    const auto& migration = set.files[i].migration;
    if (migration && migration->direction == lint::Direction::up && migration->version == version) {
      found.push_back(i);
    }
  }
  if (found.empty()) {
    throw UsageError("no up migration with version " + version.raw() + " in " + joined(paths) +
                     " (`sqlgate status` or `ls` lists the versions)");
  }
  if (found.size() > 1) {
    std::string names;
    for (std::size_t i : found) names += "\n  " + set.files[i].display;
    throw UsageError("version " + version.raw() + " has " + std::to_string(found.size()) +
                     " up migrations; rename all but one first:" + names);
  }
  return found.front();
}

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

int create_down(const CreateDownArgs& args, Io& io) {
  lint::RuleSet rules = rules::make_rule_set();
  lint::Config config = load_config(args.config, rules);
  std::vector<std::string> paths =
      args.path.empty() ? config.lint_paths(fs::current_path()) : std::vector{args.path};
  lint::Version version = parse_version(args.version);
  lint::MigrationSet set = lint::discover(paths, {});
  std::size_t up = find_up(set, version, paths);
  const lint::SourceFile& source = set.files[up];
  if (source.read_error) {
    io.err << "sqlgate: " << source.display << ": " << *source.read_error << '\n';
    return k_exit_error;
  }

  const lint::SourceFile* existing = set.partner(source);
  fs::path target =
      existing != nullptr
          ? existing->path
          : source.path.parent_path() / rules::pairing::down_name(source.path.filename().string());
  std::string display =
      existing != nullptr
          ? existing->display
          : (fs::path(source.display).parent_path() / target.filename()).generic_string();
  if (!args.print && existing != nullptr && !blank(existing->text) && !args.force) {
    io.err << "sqlgate: " << display
           << " exists already; --force replaces it, --stdout prints the generated down\n";
    return k_exit_findings;
  }

  auto parsed = lint::ParsedFile::parse(source);
  if (const auto& error = parsed->error()) {
    lint::Position at = parsed->position(error->offset);
    io.err << "sqlgate: " << source.display << ":" << at.line << ":" << at.column << ": "
           << error->message << "; fix the up before generating its down\n";
    return k_exit_findings;
  }
  rules::pairing::GeneratedDown down =
      rules::pairing::generate_down(set, up, config.pg_version.value);

  if (args.print) {
    io.out << down.text;
  } else {
    lint::FileChange change{target, display, existing != nullptr ? existing->text : std::string(),
                            down.text, existing == nullptr};
    lint::write_changes({change});
    io.out << display << '\n';
  }
  if (down.todo.empty()) return k_exit_ok;
  io.err << "sqlgate: " << down.todo.size() << " change" << (down.todo.size() == 1 ? "" : "s")
         << " of version " << version.raw()
         << " cannot be reversed; each is a `-- sqlgate:irreversible TODO` line in the down, and "
            "lint reports it until you decide:\n";
  for (const auto& item : down.todo) io.err << "  " << item << '\n';
  return k_exit_findings;
}

}  // namespace

void add_create_down(CLI::App& app, Io& io, int& exit_code) {
  auto args = std::make_shared<CreateDownArgs>();
  CLI::App* sub = app.add_subcommand(
      "create-down", "Generate the down migration of an up from what the up creates and changes");
  sub->add_option("VERSION", args->version, "The version of the up migration")->required();
  sub->add_option("-p,--path,--dir", args->path,
                  "Folder of the migrations (default: the configuration's paths)")
      ->type_name("DIR");
  sub->add_flag("--force", args->force, "Replace a down that exists already");
  sub->add_flag("--stdout", args->print, "Print the down instead of writing it");
  args->config.options.push_back(
      sub->add_option("--config", args->config.config_file,
                      "Configuration file (default: .sqlgate.json here or in a folder above)")
          ->type_name("FILE"));
  args->config.options.push_back(
      sub->add_option("--pg-version", args->config.pg_version,
                      "PostgreSQL major version the migrations target (default 15)")
          ->check(CLI::Range(9, 18)));
  sub->callback([args, &io, &exit_code] { exit_code = create_down(*args, io); });
}

}  // namespace sqlgate::cli
