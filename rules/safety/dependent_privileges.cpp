// A REVOKE without CASCADE, of a privilege or of its grant option, from a role that holds it WITH
// GRANT OPTION from the revoking role alone and has granted it on (a GRANT an earlier statement of
// the ups ran under SET ROLE of that role): PostgreSQL refuses it, "dependent privileges exist".
// The grants are followed per object along the ups' GRANTs and REVOKEs, each as the role its file
// had set (SET ROLE; the role running the migrations without one).
#include "rules/safety/dependent_privileges.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lint/catalog.h"
#include "lint/guard.h"
#include "lint/tree.h"
#include "rules/pairing/common.h"

namespace sqlgate::rules {

namespace {

using lint::Node;

// A grant a role holds from another: the grantor as SET ROLE wrote it (empty: the role running
// the migrations), the grantee as role_name() writes it.
struct Grant {
  std::string grantor;
  std::string grantee;
  std::string privilege;
  bool option = false;
};

// Whether a statement changes a role's grants beyond the one object's GRANTs and REVOKEs, in ways
// the history below does not follow: DROP OWNED or REASSIGN OWNED of the role, a GRANT or REVOKE
// ON ALL ... IN SCHEMA to or from it.
bool unfollowed(const Node& node, const std::string& role) {
  std::vector<std::string> roles;
  if (node.is("DropOwnedStmt") || node.is("ReassignOwnedStmt")) {
    roles = pairing::role_names(node.list("roles"));
    if (auto to = pairing::role_name(node.get("newrole"))) roles.push_back(*to);
  } else if (node.is("GrantStmt") && node.str("targtype") != "ACL_TARGET_OBJECT") {
    roles = pairing::role_names(node.list("grantees"));
  }
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

// Whether a statement of the ups before the statement `ordinal` of file `index` is one of those.
bool unfollowed_before(const lint::Project& project, std::size_t index, std::size_t ordinal,
                       const std::string& role) {
  const lint::Catalog& catalog = *project.catalog();
  for (std::size_t f = 0; f <= index; ++f) {
    const lint::ParsedFile* file = project.parsed(f);
    const lint::FileReplay& replay = catalog.replay(f);
    if (file == nullptr || !replay.replayed || replay.direction != lint::Direction::up) continue;
    const auto& all = file->all_statements();
    std::size_t end = f == index ? ordinal : all.size();
    for (std::size_t i = 0; i < end; ++i) {
      if (unfollowed(all[i]->node, role)) return true;
    }
  }
  return false;
}

// The grants on the object after its ups' GRANTs and REVOKEs before `before`; nullopt when one of
// them runs under a guard, an owner changed, or a statement the history does not follow ran.
std::optional<std::vector<Grant>> grants_before(const lint::Project& project,
                                                const lint::CatalogObject& object,
                                                lint::Tick before) {
  std::vector<Grant> grants;
  lint::ObjectKind kind = object.kind();
  for (const lint::ObjectChange& change : lint::changes_before(project, object, before)) {
    const Node& node = change.statement->node;
    if (pairing::new_owner(node)) return std::nullopt;
    if (!node.is("GrantStmt")) continue;
    if (lint::conditional(*change.statement)) return std::nullopt;
    const lint::ParsedFile& file = *project.parsed(change.origin.file);
    std::string as = pairing::session_role(file, change.origin.statement).value_or("");
    std::set<std::string> privileges = pairing::object_privileges(node, kind);
    bool option = node.flag("grant_option");
    for (const std::string& grantee : pairing::role_names(node.list("grantees"))) {
      for (const std::string& privilege : privileges) {
        auto it = std::find_if(grants.begin(), grants.end(), [&](const Grant& grant) {
          return grant.grantor == as && grant.grantee == grantee && grant.privilege == privilege;
        });
        if (node.flag("is_grant")) {
          if (it == grants.end()) {
            grants.push_back({as, grantee, privilege, option});
          } else {
            it->option = it->option || option;
          }
        } else if (it != grants.end()) {
          // REVOKE GRANT OPTION FOR keeps the privilege; with CASCADE what the grantee passed
          // on goes too (left for the history to drop: one level is enough to stay quiet).
          if (option) {
            it->option = false;
          } else {
            grants.erase(it);
          }
          if (node.str("behavior") == "DROP_CASCADE") {
            std::erase_if(grants, [&](const Grant& grant) {
              return grant.grantor == grantee && grant.privilege == privilege;
            });
          }
        }
      }
    }
  }
  return grants;
}

}  // namespace

void check_dependent_privileges(const lint::FileContext& context, const lint::Statement& statement,
                                lint::Reporter& out) {
  const Node& node = statement.node;
  if (context.direction() != lint::Direction::up || !node.is("GrantStmt") ||
      node.flag("is_grant") || node.str("targtype") != "ACL_TARGET_OBJECT" ||
      node.str("behavior") == "DROP_CASCADE" || lint::conditional(statement)) {
    return;
  }
  auto ordinal = context.file.ordinal(statement);
  const lint::Catalog* catalog = context.project.catalog();
  if (!ordinal || catalog == nullptr) return;
  std::string as = pairing::session_role(context.file, *ordinal).value_or("");
  std::vector<std::string> from = pairing::role_names(node.list("grantees"));
  bool option_only = node.flag("grant_option");
  for (const lint::CatalogStep* step : catalog->steps_of(context.index, *ordinal)) {
    if (step->object == lint::k_no_object || step->effect.change != lint::Change::revoke) continue;
    const lint::CatalogObject& object = catalog->object(step->object);
    auto grants = grants_before(context.project, object, step->tick);
    if (!grants) continue;
    for (const std::string& grantee : from) {
      for (const std::string& privilege : pairing::object_privileges(node, object.kind())) {
        auto holds = [&](const Grant& grant) {
          return grant.grantee == grantee && grant.privilege == privilege && grant.option;
        };
        // The option from the revoking role, and from no other: the grantee loses it.
        bool ours = std::any_of(grants->begin(), grants->end(), [&](const Grant& grant) {
          return holds(grant) && grant.grantor == as;
        });
        bool others = std::any_of(grants->begin(), grants->end(), [&](const Grant& grant) {
          return holds(grant) && grant.grantor != as;
        });
        if (!ours || others) continue;
        std::vector<std::string> passed;
        for (const Grant& grant : *grants) {
          if (grant.grantor == grantee && grant.privilege == privilege) {
            passed.push_back(grant.grantee);
          }
        }
        if (passed.empty() ||
            unfollowed_before(context.project, context.index, *ordinal, grantee) ||
            std::any_of(passed.begin(), passed.end(), [&](const std::string& role) {
              return unfollowed_before(context.project, context.index, *ordinal, role);
            })) {
          continue;
        }
        std::string to;
        for (const std::string& role : passed) {
          if (!to.empty()) to += ", ";
          to += role;
        }
        std::string on = object.ref_at(step->tick).display();
        std::string on_sql = on;
        if (!lint::is_relation(object.kind()) || object.kind() == lint::ObjectKind::sequence) {
          std::string kind(lint::to_string(object.kind()));
          std::transform(kind.begin(), kind.end(), kind.begin(),
                         [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
          on_sql = kind + " " + on;
        }
        std::string what = option_only ? "the grant option for " : "";
        out.report(statement.range,
                   "PostgreSQL refuses this REVOKE of " + what + privilege + " on " + on +
                       " from " + grantee + " without CASCADE (\"dependent privileges exist\"): " +
                       grantee + " holds it WITH GRANT OPTION and an earlier statement, run as " +
                       grantee + " (SET ROLE), granted it to " + to,
                   "add CASCADE, which revokes what " + grantee +
                       " granted too; or revoke that "
                       "first as " +
                       grantee + ": `SET ROLE " + grantee + "; REVOKE " + privilege + " ON " +
                       on_sql + " FROM " + to + "; RESET ROLE;`");
        return;
      }
    }
  }
}

}  // namespace sqlgate::rules
