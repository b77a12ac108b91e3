// drop-order, for roles: a down's DROP ROLE while the role still holds what its up gave it:
// privileges on an object, default privileges, a place in a policy, or an object it owns.
// PostgreSQL refuses the drop ("role r cannot be dropped because some objects depend on it")
// until each is revoked, dropped or reassigned, or DROP OWNED BY r takes them all.
#include "rules/ordering/drop_role.h"

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "rules/pairing/common.h"

namespace sqlgate::rules::ordering {
namespace {

using lint::Action;
using lint::Change;
using lint::Node;
using lint::ObjectId;

// What the up gave the role that keeps DROP ROLE from running.
struct Hold {
  std::size_t statement = 0;  // in the up's all_statements()
  ObjectId object = lint::k_no_object;
  enum class Kind { privileges, default_privileges, policy, owner } kind = Kind::privileges;
};

class RoleDrops {
 public:
  RoleDrops(const lint::Catalog& catalog, const pairing::Pair& pair, lint::Reporter& out)
      : m_catalog(catalog), m_pair(pair), m_out(out) {}

  void check() {
    const auto& statements = m_pair.down_file->all_statements();
    for (std::size_t d = 0; d < statements.size(); ++d) {
      const Node& node = statements[d]->node;
      if (!node.is("DropRoleStmt")) continue;
      for (const std::string& role : pairing::role_names(node.list("roles"))) {
        if (auto hold = first_hold(role, d)) report(role, d, *hold);
      }
    }
  }

 private:
  // The first thing the up gave the role that the down has not taken back before statement d.
  std::optional<Hold> first_hold(const std::string& role, std::size_t d) const {
    // DROP OWNED BY revokes privileges and default privileges, drops what the role owns and
    // removes it from policies.
    if (pairing::drops_owned(m_pair, role, d)) return std::nullopt;
    const auto& up = m_pair.up_file->all_statements();
    for (const auto& step : m_pair.up_replay->steps) {
      if (step.object == lint::k_no_object || step.effect.action != Action::alter) continue;
      const Node& node = up[step.statement]->node;
      if (step.effect.change == Change::grant && pairing::lists_role(node.list("grantees"), role) &&
          !taken_before(step.object, d) &&
          !pairing::revokes(m_catalog, m_pair, step.object, role, d)) {
        return Hold{step.statement, step.object, Hold::Kind::privileges};
      }
      if (owner_given(node, role) && !taken_before(step.object, d) &&
          !owner_changed_before(step.object, d)) {
        return Hold{step.statement, step.object, Hold::Kind::owner};
      }
    }
    for (const auto& step : m_pair.up_replay->steps) {
      if (step.object == lint::k_no_object || step.effect.action != Action::create) continue;
      const Node& node = up[step.statement]->node;
      if (node.is("CreatePolicyStmt") && pairing::lists_role(node.list("roles"), role) &&
          !taken_before(step.object, d)) {
        return Hold{step.statement, step.object, Hold::Kind::policy};
      }
    }
    for (std::size_t i = 0; i < up.size(); ++i) {
      const Node& node = up[i]->node;
      if (!node.is("AlterDefaultPrivilegesStmt")) continue;
      Node action = node.get("action");
      if (!action.flag("is_grant") || !pairing::lists_role(action.list("grantees"), role)) {
        continue;
      }
      if (!pairing::revokes_default_privileges(m_pair, role, d) &&
          !schemas_dropped_before(node, d)) {
        return Hold{i, lint::k_no_object, Hold::Kind::default_privileges};
      }
    }
    return std::nullopt;
  }

  // ALTER DEFAULT PRIVILEGES IN SCHEMA s, ...: DROP SCHEMA removes the default privileges of its
  // schema, so a down that drops each of them before d took them back.
  bool schemas_dropped_before(const Node& statement, std::size_t d) const {
    std::vector<std::string> schemas;
    for (Node option : statement.list("options")) {
      if (option.str("defname") != "schemas") continue;
      Node names = option.get("arg");
      for (Node name : names.items().empty() ? names.list("items") : names.items()) {
        schemas.push_back(lint::truncate_identifier(name.as_str()));
      }
    }
    if (schemas.empty()) return false;
    for (const std::string& schema : schemas) {
      bool dropped = false;
      for (const auto& step : m_pair.down_replay->steps) {
        if (step.statement < d && step.effect.action == Action::drop &&
            step.effect.object.kind == lint::ObjectKind::schema &&
            step.effect.object.name == schema) {
          dropped = true;
        }
      }
      if (!dropped) return false;
    }
    return true;
  }

  // ALTER TABLE ... OWNER TO role, ALTER ... OWNER TO role.
  static bool owner_given(const Node& node, const std::string& role) {
    if (node.is("AlterOwnerStmt")) {
      return pairing::role_name(node.get("newowner")) == role;
    }
    if (!node.is("AlterTableStmt")) return false;
    for (Node command : node.list("cmds")) {
      if (command.str("subtype") == "AT_ChangeOwner" &&
          pairing::role_name(command.get("newowner")) == role) {
        return true;
      }
    }
    return false;
  }

  // Whether a statement of the down before d drops the object, or what it belongs to.
  bool taken_before(ObjectId id, std::size_t d) const {
    ObjectId parent = m_catalog.object(id).parent;
    for (const auto& step : m_pair.down_replay->steps) {
      if (step.statement >= d || step.effect.action != Action::drop) continue;
      if (step.object == id || (parent != lint::k_no_object && step.object == parent)) return true;
      for (ObjectId implied : step.implied) {
        if (implied == id) return true;
      }
    }
    return false;
  }

  bool owner_changed_before(ObjectId id, std::size_t d) const {
    const auto& down = m_pair.down_file->all_statements();
    for (const auto& step : m_pair.down_replay->steps) {
      if (step.statement >= d || step.object != id) continue;
      const Node& node = down[step.statement]->node;
      if (node.is("AlterOwnerStmt")) return true;
      for (Node command : node.list("cmds")) {
        if (command.str("subtype") == "AT_ChangeOwner") return true;
      }
    }
    return false;
  }

  void report(const std::string& role, std::size_t d, const Hold& hold) {
    std::string what;
    std::string help;
    std::string object = hold.object != lint::k_no_object
                             ? pairing::describe(m_catalog.object(hold.object).ref())
                             : std::string();
    switch (hold.kind) {
      case Hold::Kind::privileges:
        what = "still holds privileges on " + object + ", which the up granted";
        help = "revoke them before DROP ROLE (`" +
               pairing::revoke_sql(m_pair.up_file->all_statements()[hold.statement]->node,
                                   m_catalog.object(hold.object).ref(), {role}) +
               "`), or write `DROP OWNED BY " + role + ";` before it";
        break;
      case Hold::Kind::default_privileges:
        what = "still has the default privileges the up gave it";
        help = "write `ALTER DEFAULT PRIVILEGES ... REVOKE ... FROM " + role +
               ";` (as in the up) or `DROP OWNED BY " + role + ";` before DROP ROLE";
        break;
      case Hold::Kind::policy:
        what = "is still a target of " + object + ", which the up created";
        help = "drop the policy (or its table) before DROP ROLE, or write `DROP OWNED BY " + role +
               ";` before it";
        break;
      case Hold::Kind::owner:
        what = "still owns " + object + ", which the up gave it";
        help =
            "give it back before DROP ROLE (ALTER ... OWNER TO <its old owner>), or write "
            "`REASSIGN OWNED BY " +
            role + " TO <role>;` before it";
        break;
    }
    auto builder = m_out.report(*m_pair.down_file, pairing::statement_range(*m_pair.down_file, d),
                                "DROP ROLE " + role + " fails: the role " + what +
                                    ", and PostgreSQL does not drop a role that objects depend on",
                                help);
    builder.related(*m_pair.up_file, pairing::statement_range(*m_pair.up_file, hold.statement),
                    "given here");
  }

  const lint::Catalog& m_catalog;
  const pairing::Pair& m_pair;
  lint::Reporter& m_out;
};

}  // namespace

void check_role_drops(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  for (const pairing::Pair& pair : pairing::pairs(project)) {
    RoleDrops(catalog, pair, out).check();
  }
}

}  // namespace sqlgate::rules::ordering
