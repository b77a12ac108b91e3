// invalid-ddl: ALTER EXTENSION ... UPDATE to a version no update path reaches. The versions and
// update scripts of the contrib extensions are PostgreSQL 15's (extension_versions_table.inc).
#include "rules/safety/extension_update.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/pg_facts.h"
#include "lint/table_state.h"
#include "lint/tree.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

struct ExtensionVersions {
  std::string_view name;
  std::string_view default_version;
  std::initializer_list<std::string_view> installs;  // versions with an install script
  std::initializer_list<std::pair<std::string_view, std::string_view>> updates;
};

const ExtensionVersions k_extensions[] = {
#include "rules/safety/extension_versions_table.inc"
};

const ExtensionVersions* extension_versions(std::string_view name) {
  for (const ExtensionVersions& extension : k_extensions) {
    if (extension.name == name) return &extension;
  }
  return nullptr;
}

// Whether the update scripts lead from one version to the other (PostgreSQL follows the
// shortest chain of them).
bool update_path(const ExtensionVersions& extension, const std::string& from,
                 const std::string& to) {
  std::vector<std::string> reached{from};
  for (std::size_t i = 0; i < reached.size(); ++i) {
    for (const auto& [start, end] : extension.updates) {
      if (start != reached[i]) continue;
      if (end == to) return true;
      if (std::find(reached.begin(), reached.end(), end) == reached.end()) {
        reached.emplace_back(end);
      }
    }
  }
  return false;
}

// The version a CREATE EXTENSION or ALTER EXTENSION ... UPDATE names (VERSION 'v', TO 'v'), else
// the extension's default one.
std::string version_of(const Node& statement, const ExtensionVersions& extension) {
  for (Node option : statement.list("options")) {
    if (option.str("defname") == "new_version") return std::string(option.get("arg").as_str());
  }
  return std::string(extension.default_version);
}

// Where the extension's version comes from: the statement that set it last, as a message names
// it.
struct Version {
  std::string version;
  std::string set_by;
};

// The version the migrations left the extension at before the statement: its CREATE EXTENSION,
// then each ALTER EXTENSION ... UPDATE of the ups before (for a down: up to its up's end), then
// those of the file before the statement. Nothing when no migration made it.
std::optional<Version> version_before(const lint::FileContext& context,
                                      const lint::Statement& statement,
                                      const ExtensionVersions& extension, const std::string& name) {
  const lint::Catalog* catalog = context.project.catalog();
  if (catalog == nullptr || !catalog->replay(context.index).replayed) return std::nullopt;
  std::optional<lint::Tick> tick = lint::tick_before(context, statement);
  bool down = !tick;
  if (down) tick = catalog->replay(context.index).start;
  lint::ObjectId id =
      catalog->find(lint::Catalog::NameRef(lint::ObjectKind::extension, "", "", name), *tick);
  if (id == lint::k_no_object) return std::nullopt;
  const lint::CatalogObject& object = catalog->object(id);
  const lint::Statement* made = lint::statement_at(context.project, object.created);
  if (made == nullptr || !made->node.is("CreateExtensionStmt")) return std::nullopt;
  Version version{version_of(made->node, extension),
                  "CREATE EXTENSION in " + context.project.source(object.created.file).display};
  // An UPDATE that fails (no path) leaves the version as it was.
  auto update = [&](const Node& alter, std::optional<Version>& at, std::string set_by) {
    std::string to = version_of(alter, extension);
    if (at && (to == at->version || update_path(extension, at->version, to))) {
      at = Version{to, std::move(set_by)};
    }
  };
  std::optional<Version> at = version;
  for (const lint::Origin& origin : object.changed) {
    if (origin.tick >= *tick) continue;
    const lint::Statement* changed = lint::statement_at(context.project, origin);
    if (changed == nullptr || !changed->node.is("AlterExtensionStmt")) continue;
    update(changed->node, at,
           "ALTER EXTENSION ... UPDATE in " + context.project.source(origin.file).display);
  }
  if (!down) return at;
  // A down: its own statements before this one (DROP EXTENSION, CREATE EXTENSION, UPDATE).
  for (const lint::Statement* earlier : context.file.all_statements()) {
    if (earlier == &statement) break;
    const Node& node = earlier->node;
    if (node.is("DropStmt") && node.str("removeType") == "OBJECT_EXTENSION") {
      for (Node dropped : node.list("objects")) {
        if (lint::truncate_identifier(dropped.as_str()) == name) at.reset();
      }
    } else if (node.is("CreateExtensionStmt") &&
               lint::truncate_identifier(node.str("extname")) == name &&
               (!at || !node.flag("if_not_exists"))) {
      at = Version{version_of(node, extension), "a CREATE EXTENSION earlier in this file"};
    } else if (node.is("AlterExtensionStmt") &&
               lint::truncate_identifier(node.str("extname")) == name) {
      update(node, at, "an ALTER EXTENSION earlier in this file");
    }
  }
  return at;
}

// CREATE EXTENSION e VERSION 'v' of a version no install script makes, nor update scripts reach
// from one that does.
void check_create_version(const lint::FileContext& context, const lint::Statement& statement,
                          lint::Reporter& out) {
  const Node& node = statement.node;
  std::string name = lint::truncate_identifier(node.str("extname"));
  const ExtensionVersions* extension = extension_versions(name);
  if (extension == nullptr) return;
  std::string to = version_of(node, *extension);
  for (std::string_view install : extension->installs) {
    if (install == to || update_path(*extension, std::string(install), to)) return;
  }
  // IF NOT EXISTS of an extension there already: skipped before the version is looked at.
  const lint::Catalog* catalog = context.project.catalog();
  if (node.flag("if_not_exists")) {
    auto tick = lint::tick_before(context, statement);
    if (!tick || catalog == nullptr) return;
    if (catalog->find(lint::Catalog::NameRef(lint::ObjectKind::extension, "", "", name), *tick) !=
        lint::k_no_object) {
      return;
    }
  }
  if (lint::conditional(statement, lint::Condition{"invalid_parameter_value", "22023"})) return;
  out.report(statement.range,
             "CREATE EXTENSION " + lint::sql_identifier(name) + " VERSION '" + to +
                 "' fails on its first run: PostgreSQL 15 ships no install script of " + name +
                 " for that version, nor update scripts to it from one it installs, and refuses "
                 "it (\"extension \"" +
                 name + "\" has no installation script nor update path for version \"" + to +
                 "\"\")",
             "name a version of " + name + " that PostgreSQL 15 has, or leave VERSION out (its " +
                 "default is " + std::string(extension->default_version) + ")");
}

}  // namespace

void check_extension_update(const lint::FileContext& context, const lint::Statement& statement,
                            lint::Reporter& out) {
  const Node& node = statement.node;
  if (node.is("CreateExtensionStmt")) {
    check_create_version(context, statement, out);
    return;
  }
  if (!node.is("AlterExtensionStmt")) return;
  std::string name = lint::truncate_identifier(node.str("extname"));
  const ExtensionVersions* extension = extension_versions(name);
  if (extension == nullptr) return;
  auto before = version_before(context, statement, *extension, name);
  if (!before) return;
  std::string to = version_of(node, *extension);
  if (to == before->version || update_path(*extension, before->version, to)) return;
  if (lint::conditional(statement, lint::Condition{"invalid_parameter_value", "22023"})) return;
  bool known = std::find(extension->installs.begin(), extension->installs.end(), to) !=
               extension->installs.end();
  for (const auto& [start, end] : extension->updates) known = known || start == to || end == to;
  std::string what = "ALTER EXTENSION " + lint::sql_identifier(name) + " UPDATE TO '" + to + "'";
  std::string why = name + " is at version " + before->version + " there (" + before->set_by +
                    "), and PostgreSQL 15 ships no update script, nor chain of them, from " +
                    before->version + " to " + to;
  if (known) why += " (its contrib scripts only update to newer versions)";
  std::string help =
      known ? "an extension cannot be taken back to an older version: leave the version as it is "
              "(a down cannot undo an UPDATE), or, when nothing depends on the extension, drop it "
              "and make it again at that version (CREATE EXTENSION " +
                  lint::sql_identifier(name) + " VERSION '" + to + "')"
            : "name a version of " + name + " that PostgreSQL 15 has (its default is " +
                  std::string(extension->default_version) + ")";
  out.report(statement.range,
             what + " fails on its first run: " + why +
                 ", and PostgreSQL refuses it (\"extension \"" + name +
                 "\" has no update path from version \"" + before->version + "\" to version \"" +
                 to + "\"\")",
             help);
}

}  // namespace sqlgate::rules
