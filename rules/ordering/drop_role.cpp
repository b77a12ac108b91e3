// drop-order, for roles: a down's DROP ROLE while the role still holds what its up gave it:
// privileges on an object, default privileges, a place in a policy, or an object it owns.
// PostgreSQL refuses the drop ("role r cannot be dropped because some objects depend on it")
// until each is revoked, dropped or reassigned, or DROP OWNED BY r takes them all. The same for
// what earlier migrations gave it, in a down and in an up (which then fails on its first run).
#include "rules/ordering/drop_role.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "rules/pairing/common.h"

namespace sqlgate::rules::ordering {
namespace {

using lint::Action;
using lint::Change;
using lint::Node;
using lint::ObjectId;
using lint::Tick;

// What the up gave the role that keeps DROP ROLE from running.
struct Hold {
  std::size_t statement = 0;  // in the up's all_statements()
  ObjectId object = lint::k_no_object;
  enum class Kind { privileges, default_privileges, policy, owner } kind = Kind::privileges;
  bool created = false;  // owner: the up made the object with the role as its owner
  // privileges: what the role still holds on the object.
  std::vector<pairing::Privilege> privileges;
  // default_privileges: those of the statement the role still has.
  std::vector<pairing::DefaultPrivilege> remaining;
};

// Something a migration gave the role that still holds at a tick: privileges on an object, the
// object itself (OWNER TO, CREATE SCHEMA ... AUTHORIZATION) or a place in a policy.
struct EarlierHold {
  lint::Origin given;
  ObjectId object = lint::k_no_object;
  Hold::Kind kind = Hold::Kind::privileges;
  pairing::Privileges privileges;  // privileges: what roles hold on the object then
};

// The ticks of the ups' statements before a statement of an up (all of it: SIZE_MAX) that take from
// the role what earlier ones gave it: DROP OWNED BY (privileges, owned objects, policies) and DROP
// ROLE (after which it held nothing); REASSIGN OWNED BY gives its objects away.
struct Clears {
  Tick all = 0;
  Tick owned = 0;
};
Clears clears_before(const lint::Project& project, const lint::Catalog& catalog,
                     const std::string& role, std::size_t before_file,
                     std::size_t before_statement) {
  Tick start = catalog.replay(before_file).start;
  Clears clears;
  for (std::size_t f = 0; f < project.size(); ++f) {
    const lint::FileReplay& replay = catalog.replay(f);
    const lint::ParsedFile* file = project.parsed(f);
    if (!replay.replayed || replay.direction != lint::Direction::up || file == nullptr ||
        (f != before_file && replay.start >= start)) {
      continue;
    }
    const auto& statements = file->all_statements();
    std::size_t end =
        f == before_file ? std::min(before_statement, statements.size()) : statements.size();
    for (std::size_t i = 0; i < end; ++i) {
      const Node& node = statements[i]->node;
      bool all = (node.is("DropOwnedStmt") || node.is("DropRoleStmt")) &&
                 pairing::lists_role(node.list("roles"), role);
      bool owned = node.is("ReassignOwnedStmt") && pairing::lists_role(node.list("roles"), role);
      if (!all && !owned) continue;
      Tick at = catalog.before_statement(f, i);
      if (all) clears.all = std::max(clears.all, at);
      clears.owned = std::max(clears.owned, at);
    }
  }
  return clears;
}

// What the ups gave the role before a statement of an up (SIZE_MAX: after the up) that it still
// holds then: the migrations' GRANTs and REVOKEs on each object alive then, its last owner
// change, the roles of its policies.
std::vector<EarlierHold> holds_at(const lint::Project& project, const lint::Catalog& catalog,
                                  const std::string& role, std::size_t file,
                                  std::size_t statement) {
  std::vector<EarlierHold> holds;
  Tick tick = catalog.before_statement(file, statement);
  Clears clears = clears_before(project, catalog, role, file, statement);
  for (ObjectId id = 0; id < catalog.size(); ++id) {
    const lint::CatalogObject& object = catalog.object(id);
    if (!object.alive_at(tick)) continue;
    pairing::Privileges held;
    std::optional<lint::Origin> granted;  // the last GRANT to the role
    std::optional<lint::Origin> owner;    // the last owner change to the role
    std::optional<lint::Origin> policy;   // the CREATE or ALTER POLICY that gave it the role
    if (object.created.tick > clears.all) {
      const lint::Statement* created = lint::statement_at(project, object.created);
      if (created != nullptr && created->node.is("CreateSchemaStmt") &&
          pairing::role_name(created->node.get("authrole")) == role) {
        owner = object.created;
      }
      if (created != nullptr && created->node.is("CreatePolicyStmt") &&
          pairing::lists_role(created->node.list("roles"), role)) {
        policy = object.created;
      }
    }
    for (const lint::ObjectChange& change :
         lint::changes_before(project, object, tick, clears.all)) {
      const lint::Origin& origin = change.origin;
      const Node& node = change.statement->node;
      if (node.is("GrantStmt")) {
        pairing::apply_grant(held, node, object.kind());
        if (node.flag("is_grant") && pairing::lists_role(node.list("grantees"), role)) {
          granted = origin;
        }
      } else if (std::optional<std::string> to = pairing::new_owner(node)) {
        owner = *to == role ? std::optional<lint::Origin>(origin) : std::nullopt;
      } else if (node.is("AlterPolicyStmt") && !node.list("roles").empty()) {
        policy = pairing::lists_role(node.list("roles"), role) ? std::optional<lint::Origin>(origin)
                                                               : std::nullopt;
      }
    }
    bool holds_privileges = std::any_of(
        held.begin(), held.end(), [&](const pairing::Privilege& p) { return p.role == role; });
    if (holds_privileges && granted) {
      holds.push_back({*granted, id, Hold::Kind::privileges, std::move(held)});
    }
    if (owner && owner->tick > clears.owned) holds.push_back({*owner, id, Hold::Kind::owner});
    if (policy) holds.push_back({*policy, id, Hold::Kind::policy});
  }
  std::sort(holds.begin(), holds.end(),
            [](const EarlierHold& a, const EarlierHold& b) { return a.given.tick < b.given.tick; });
  return holds;
}

// DROP ROLE at statement `statement` of the file, while the role holds what a migration gave it.
void report_drop(const lint::Project& project, const lint::Catalog& catalog,
                 const lint::ParsedFile& file, std::size_t statement, const std::string& role,
                 const EarlierHold& hold, std::string_view outcome, lint::Reporter& out) {
  const lint::ParsedFile* given = project.parsed(hold.given.file);
  const lint::Statement* giving = lint::statement_at(project, hold.given);
  if (given == nullptr || giving == nullptr) return;
  const lint::ObjectRef& ref = catalog.object(hold.object).ref();
  std::string object = pairing::describe(ref);
  std::string where = project.source(hold.given.file).display;
  std::string what;
  std::string help;
  switch (hold.kind) {
    case Hold::Kind::privileges:
      what = "still holds privileges on " + object + ", which " + where + " granted";
      help = "revoke them before DROP ROLE (`" + pairing::revoke_sql(giving->node, ref, {role}) +
             "`), or write `DROP OWNED BY " + role + ";` before it";
      break;
    case Hold::Kind::owner:
      what = "still owns " + object + ", which " + where + " gave it";
      help =
          "give it to another role before DROP ROLE (ALTER ... OWNER TO <role>), or write "
          "`REASSIGN OWNED BY " +
          role + " TO <role>;` before it";
      break;
    default:
      what = "is still a target of " + object + ", as " + where + " made it";
      help =
          "drop the policy or take the role out of it (ALTER POLICY ... TO) before DROP ROLE, "
          "or write `DROP OWNED BY " +
          role + ";` before it";
      break;
  }
  std::string message = "DROP ROLE " + role + " fails: the role " + what +
                        ", and PostgreSQL does not drop a role that objects depend on";
  message += outcome;
  out.report(file, pairing::statement_range(file, statement), message, help)
      .related(*given, pairing::statement_range(*given, hold.given.statement), "given here");
}

class RoleDrops {
 public:
  RoleDrops(const lint::Project& project, const lint::Catalog& catalog, const pairing::Pair& pair,
            lint::Reporter& out)
      : m_project(project),
        m_catalog(catalog),
        m_pair(pair),
        m_out(out),
        m_up_steps(*pair.up_replay),
        m_down_steps(*pair.down_replay),
        m_up_broad(pairing::broad_privilege_statements(*pair.up_file)),
        m_down_broad(pairing::broad_privilege_statements(*pair.down_file)) {}

  void check() {
    const auto& statements = m_pair.down_file->all_statements();
    for (std::size_t d = 0; d < statements.size(); ++d) {
      const Node& node = statements[d]->node;
      if (!node.is("DropRoleStmt")) continue;
      for (const std::string& role : pairing::role_names(node.list("roles"))) {
        if (auto hold = first_hold(role, d)) {
          report(role, d, *hold);
        } else if (auto earlier = first_earlier_hold(role, d)) {
          report_drop(m_project, m_catalog, *m_pair.down_file, d, role, *earlier, "", m_out);
        }
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
          !taken_before(step.object, d)) {
        std::vector<pairing::Privilege> held =
            held_before(after_up(step.object), step.object, role, d);
        if (!held.empty()) {
          return Hold{
              .statement = step.statement, .object = step.object, .privileges = std::move(held)};
        }
      }
      if (pairing::new_owner(node) == role && !taken_before(step.object, d) &&
          !owner_changed_before(step.object, d) && !reassigns_before(role, d)) {
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
      // CREATE SCHEMA ... AUTHORIZATION role: the role owns the schema.
      if (node.is("CreateSchemaStmt") && step.effect.object.kind == lint::ObjectKind::schema &&
          pairing::role_name(node.get("authrole")) == role && !taken_before(step.object, d) &&
          !owner_changed_before(step.object, d) && !reassigns_before(role, d)) {
        return Hold{.statement = step.statement,
                    .object = step.object,
                    .kind = Hold::Kind::owner,
                    .created = true};
      }
    }
    // What the up's ALTER DEFAULT PRIVILEGES give the role, less what the down takes back before
    // d: a REVOKE of the same entries (pg_default_acl keys them by kind of object, schema and
    // privilege: one on TABLES leaves SEQUENCES, one without IN SCHEMA leaves IN SCHEMA public),
    // or DROP SCHEMA of their schema, which removes its entries.
    std::vector<pairing::DefaultPrivilege> held;
    for (const lint::Statement* statement : up) {
      pairing::apply_default_privileges(held, statement->node);
    }
    std::erase_if(held,
                  [&](const pairing::DefaultPrivilege& entry) { return entry.grantee != role; });
    if (held.empty()) return std::nullopt;
    const auto& down = m_pair.down_file->all_statements();
    for (std::size_t i = 0; i < d && i < down.size(); ++i) {
      pairing::apply_default_privileges(held, down[i]->node);
    }
    for (std::size_t i = 0; i < up.size(); ++i) {
      const Node& node = up[i]->node;
      if (!node.is("AlterDefaultPrivilegesStmt") || !node.get("action").flag("is_grant")) continue;
      std::vector<pairing::DefaultPrivilege> remaining;
      for (pairing::DefaultPrivilege& entry : pairing::default_privileges(node)) {
        if (entry.grantee == role && pairing::holds_default(held, entry)) {
          remaining.push_back(std::move(entry));
        }
      }
      if (!remaining.empty()) {
        return Hold{.statement = i,
                    .kind = Hold::Kind::default_privileges,
                    .remaining = std::move(remaining)};
      }
    }
    return std::nullopt;
  }

  // What roles hold on the object after the up, as far as the migrations say.
  pairing::Privileges after_up(ObjectId id) const {
    pairing::Privileges held =
        pairing::privileges_before(m_project, m_catalog, id, m_pair.up_replay->start);
    const lint::CatalogObject& object = m_catalog.object(id);
    pairing::replay_privileges(held, *m_pair.up_file, m_up_broad, m_up_steps.of(id), object.kind(),
                               object.ref_at(m_pair.up_replay->end).schema);
    return held;
  }

  // What the role still holds on the object before statement d of the down, from what roles held
  // there after the up: a REVOKE of some of its privileges leaves the others.
  std::vector<pairing::Privilege> held_before(pairing::Privileges held, ObjectId id,
                                              const std::string& role, std::size_t d) const {
    const lint::CatalogObject& object = m_catalog.object(id);
    pairing::replay_privileges(held, *m_pair.down_file, m_down_broad, m_down_steps.of(id),
                               object.kind(), object.ref_at(m_pair.up_replay->end).schema, d);
    std::vector<pairing::Privilege> of_role;
    for (const pairing::Privilege& privilege : held) {
      if (privilege.role == role) of_role.push_back(privilege);
    }
    return of_role;
  }

  // The first thing an earlier migration gave the role that it still holds after the up and that
  // the down has not taken back before statement d. (What the up gave it: first_hold.)
  std::optional<EarlierHold> first_earlier_hold(const std::string& role, std::size_t d) const {
    if (pairing::drops_owned(m_pair, role, d)) return std::nullopt;
    for (const EarlierHold& hold :
         holds_at(m_project, m_catalog, role, m_pair.up, static_cast<std::size_t>(-1))) {
      if (hold.given.file == m_pair.up || taken_before(hold.object, d)) continue;
      if (hold.kind == Hold::Kind::privileges &&
          held_before(hold.privileges, hold.object, role, d).empty()) {
        continue;
      }
      if (hold.kind == Hold::Kind::owner &&
          (owner_changed_before(hold.object, d) || reassigns_before(role, d))) {
        continue;
      }
      return hold;
    }
    return std::nullopt;
  }

  // REASSIGN OWNED BY role TO ... in the down before statement d.
  bool reassigns_before(const std::string& role, std::size_t d) const {
    const auto& down = m_pair.down_file->all_statements();
    for (std::size_t i = 0; i < d && i < down.size(); ++i) {
      const Node& node = down[i]->node;
      if (node.is("ReassignOwnedStmt") && pairing::lists_role(node.list("roles"), role)) {
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
        help =
            "revoke them before DROP ROLE (`" +
            pairing::revoke_privileges_sql(m_pair.up_file->all_statements()[hold.statement]->node,
                                           m_catalog.object(hold.object).ref(), hold.privileges) +
            "`), or write `DROP OWNED BY " + role + ";` before it";
        break;
      case Hold::Kind::default_privileges:
        what = "still has the default privileges " +
               pairing::default_privileges_words(hold.remaining) + ", which the up gave it";
        help = "write `" +
               pairing::default_privileges_revoke_sql(
                   m_pair.up_file->all_statements()[hold.statement]->node, {role}) +
               "` or `DROP OWNED BY " + role + ";` before DROP ROLE";
        break;
      case Hold::Kind::policy:
        what = "is still a target of " + object + ", which the up created";
        help = "drop the policy (or its table) before DROP ROLE, or write `DROP OWNED BY " + role +
               ";` before it";
        break;
      case Hold::Kind::owner:
        if (hold.created) {
          what = "still owns " + object + ", which the up made with AUTHORIZATION " + role;
          help = "drop it before DROP ROLE (`" +
                 pairing::drop_sql(m_catalog.object(hold.object).ref()) +
                 "` first), or give it to another role (ALTER ... OWNER TO <role>, or "
                 "`REASSIGN OWNED BY " +
                 role + " TO <role>;`) before it";
          break;
        }
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

  const lint::Project& m_project;
  const lint::Catalog& m_catalog;
  const pairing::Pair& m_pair;
  lint::Reporter& m_out;
  pairing::StepsByObject m_up_steps;
  pairing::StepsByObject m_down_steps;
  std::vector<std::size_t> m_up_broad;
  std::vector<std::size_t> m_down_broad;
};

}  // namespace

void check_role_drops(const lint::Project& project, lint::Reporter& out) {
  const lint::Catalog& catalog = *project.catalog();
  for (const pairing::Pair& pair : pairing::pairs(project)) {
    RoleDrops(project, catalog, pair, out).check();
  }
  // An up's DROP ROLE, against what the earlier migrations and the up's statements before it
  // gave the role: the up fails on its first run.
  for (std::size_t f = 0; f < project.size(); ++f) {
    const lint::FileReplay& replay = catalog.replay(f);
    const lint::ParsedFile* file = project.parsed(f);
    if (!replay.replayed || replay.direction != lint::Direction::up || file == nullptr) continue;
    const auto& statements = file->all_statements();
    for (std::size_t s = 0; s < statements.size(); ++s) {
      const Node& node = statements[s]->node;
      if (!node.is("DropRoleStmt")) continue;
      for (const std::string& role : pairing::role_names(node.list("roles"))) {
        std::vector<EarlierHold> holds = holds_at(project, catalog, role, f, s);
        if (!holds.empty()) {
          report_drop(project, catalog, *file, s, role, holds.front(),
                      ", and the migration fails on its first run", out);
        }
      }
    }
  }
}

}  // namespace sqlgate::rules::ordering
