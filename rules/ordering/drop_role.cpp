// drop-order, for roles: a down's DROP ROLE while the role still holds what its up gave it:
// privileges on an object, default privileges, a place in a policy, or an object it owns.
// PostgreSQL refuses the drop ("role r cannot be dropped because some objects depend on it")
// until each is revoked, dropped or reassigned, or DROP OWNED BY r takes them all. The same for
// what earlier migrations gave it, in a down and in an up (which then fails on its first run),
// and for privileges on objects no migration makes (schema public), followed by their names.
#include "rules/ordering/drop_role.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lint/builtins.h"
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
  // privileges on an object no migration makes (object is k_no_object): its name.
  lint::ObjectRef outside;
  // privileges given ON ALL TABLES (...) IN SCHEMA: the other objects it reached where the role
  // still holds them.
  std::vector<ObjectId> also;
};

// Something a migration gave the role that still holds at a tick: privileges on an object, the
// object itself (OWNER TO, CREATE SCHEMA ... AUTHORIZATION) or a place in a policy.
struct EarlierHold {
  lint::Origin given;
  ObjectId object = lint::k_no_object;
  Hold::Kind kind = Hold::Kind::privileges;
  pairing::Privileges privileges;  // privileges: what roles hold on the object then
  lint::ObjectRef outside;         // an object no migration makes (object is k_no_object)
  std::string named;               // the role's name in the statement that gave it
};

// Where a statement of an up is in the run of the ups: its up's start, then its index.
struct Position {
  Tick up = 0;
  std::size_t statement = 0;
  auto operator<=>(const Position&) const = default;
};

// Every ALTER ROLE ... RENAME TO of the ups, in the order they ran: the name it had, the new one.
struct RoleRename {
  Position at;
  std::string from;
  std::string to;
};
using RoleRenames = std::vector<RoleRename>;

const RoleRenames& role_renames(const lint::Project& project, const lint::Catalog& catalog) {
  return project.shared<RoleRenames>([&project, &catalog] {
    RoleRenames renames;
    for (std::size_t f : catalog.ups_before(catalog.end())) {
      const lint::ParsedFile* file = project.parsed(f);
      if (file == nullptr) continue;
      const auto& statements = file->all_statements();
      for (std::size_t i = 0; i < statements.size(); ++i) {
        const Node& node = statements[i]->node;
        if (!node.is("RenameStmt") || node.str("renameType") != "OBJECT_ROLE") continue;
        renames.push_back(
            {{catalog.replay(f).start, i},
             pairing::quote_identifier(lint::truncate_identifier(node.str("subname"))),
             pairing::quote_identifier(lint::truncate_identifier(node.str("newname")))});
      }
    }
    std::stable_sort(renames.begin(), renames.end(),
                     [](const RoleRename& a, const RoleRename& b) { return a.at < b.at; });
    return renames;
  });
}

// The names one role (named so before a statement of an up) had before the earlier statements
// of the ups, its renames followed back. Privileges, owners and policies follow the role, not its
// name: what a GRANT gave app_readonly, reporting_ro holds after ALTER ROLE app_readonly RENAME
// TO reporting_ro (and a role made later with the old name holds none of it).
class RoleNames {
 public:
  RoleNames(const lint::Project& project, const lint::Catalog& catalog, const std::string& role,
            std::size_t file, std::size_t statement)
      : m_catalog(catalog) {
    Position before{catalog.replay(file).start, statement};
    std::string name = role;
    const RoleRenames& renames = role_renames(project, catalog);
    for (auto rename = renames.rbegin(); rename != renames.rend(); ++rename) {
      if (rename->at >= before || rename->to != name) continue;
      m_names.push_back({rename->at, name});
      name = rename->from;
    }
    m_first = std::move(name);
  }
  // Its name before a statement of an up.
  const std::string& at(Position then) const {
    for (const auto& [from, name] : m_names) {  // latest first
      if (then > from) return name;
    }
    return m_first;
  }
  const std::string& at(const lint::Origin& origin) const {
    return at(Position{m_catalog.replay(origin.file).start, origin.statement});
  }
  // Every name it had, the first one first.
  std::vector<std::string> all() const {
    std::vector<std::string> names{m_first};
    for (auto each = m_names.rbegin(); each != m_names.rend(); ++each)
      names.push_back(each->second);
    return names;
  }
  // Moves what it holds in `held` under the name it had last (`current`) to the one it has
  // before `then`.
  void follow(pairing::Privileges& held, std::string& current, Position then) const {
    const std::string& name = at(then);
    if (name == current) return;
    pairing::Privileges moved;
    for (auto it = held.begin(); it != held.end();) {
      if (it->role == current) {
        pairing::Privilege privilege = *it;
        privilege.role = name;
        moved.insert(std::move(privilege));
        it = held.erase(it);
      } else {
        ++it;
      }
    }
    held.insert(moved.begin(), moved.end());
    current = name;
  }

 private:
  const lint::Catalog& m_catalog;
  std::vector<std::pair<Position, std::string>> m_names;  // from after a rename on, latest first
  std::string m_first;
};

// A GRANT or REVOKE ... ON ALL TABLES (SEQUENCES, FUNCTIONS, ...) IN SCHEMA.
bool all_in_schema(const Node& statement) {
  return statement.is("GrantStmt") && statement.str("targtype") == "ACL_TARGET_ALL_IN_SCHEMA";
}

// The identity of an object no migration makes, as GRANT and DROP name it: GRANT ... ON TABLE
// names views too, ON FUNCTION procedures too, ON TYPE domains too.
std::string outside_key(const lint::ObjectRef& ref) {
  lint::ObjectRef key = ref;
  if (lint::is_relation(ref.kind) && ref.kind != lint::ObjectKind::index &&
      ref.kind != lint::ObjectKind::sequence) {
    key.kind = lint::ObjectKind::table;
  } else if (lint::is_routine(ref.kind)) {
    key.kind = lint::ObjectKind::function;
  } else if (ref.kind == lint::ObjectKind::domain) {
    key.kind = lint::ObjectKind::type;
  }
  return key.key();
}

// A GRANT or REVOKE of a step on an object the catalog does not know, named one by one (not
// ON ALL ... IN SCHEMA), and not a member of an extension (DROP EXTENSION takes it, unseen).
bool outside_grant(const lint::CatalogStep& step) {
  return step.object == lint::k_no_object && !step.effect.all_in_schema &&
         (step.effect.change == Change::grant || step.effect.change == Change::revoke) &&
         lint::extension_member(step.effect.object.kind, step.effect.object.name).empty();
}

// A statement of an up that changes what a role holds on an object no migration makes.
struct OutsideEvent {
  Position at;
  lint::Origin origin;
  bool drop = false;  // the object, or its schema, is dropped: nobody holds anything there
};

// The objects no migration makes that the ups GRANT or REVOKE privileges on (schema public, a
// table made before the migrations): the catalog has no object for them, so they are followed
// by name. For each role a GRANT or REVOKE names, by object, what changes what it holds there,
// in the order the ups ran: the GRANTs and REVOKEs naming the role, on the object or ON ALL ...
// IN SCHEMA of its schema; DROP OWNED BY and DROP ROLE of the role (it then holds nothing); and
// drops of the object or of its schema.
struct OutsideObjects {
  std::vector<lint::ObjectRef> objects;
  std::unordered_map<std::string, std::size_t> by_key;
  struct Held {
    std::size_t object = 0;
    std::vector<OutsideEvent> events;
  };
  std::unordered_map<std::string, std::vector<Held>> by_role;

  // The object of that name, as an index into objects; nullopt when none.
  std::optional<std::size_t> find(const lint::ObjectRef& ref) const {
    auto found = by_key.find(outside_key(ref));
    return found == by_key.end() ? std::nullopt : std::optional<std::size_t>(found->second);
  }
  // The events of the role on the object (none when nothing names both).
  const std::vector<OutsideEvent>* events(const std::string& role, std::size_t object) const {
    auto found = by_role.find(role);
    if (found == by_role.end()) return nullptr;
    for (const Held& held : found->second) {
      if (held.object == object) return &held.events;
    }
    return nullptr;
  }
};

// Read once per set: every up's steps and statements once.
const OutsideObjects& outside_objects(const lint::Project& project, const lint::Catalog& catalog) {
  return project.shared<OutsideObjects>([&project, &catalog] {
    OutsideObjects found;
    // By role, then by object: the events naming both.
    std::unordered_map<std::string, std::unordered_map<std::size_t, std::vector<OutsideEvent>>>
        named;
    std::vector<OutsideEvent> in_schema;                               // ON ALL ... IN SCHEMA
    std::unordered_map<std::string, std::vector<OutsideEvent>> gone;   // DROP OWNED BY, DROP ROLE
    std::unordered_map<std::string, std::vector<OutsideEvent>> drops;  // by key
    std::unordered_map<std::string, std::vector<OutsideEvent>> schema_drops;
    for (std::size_t f : catalog.ups_before(catalog.end())) {
      const lint::ParsedFile* file = project.parsed(f);
      if (file == nullptr) continue;
      const auto& statements = file->all_statements();
      const lint::FileReplay& replay = catalog.replay(f);
      for (const lint::CatalogStep& step : replay.steps) {
        const lint::Effect& effect = step.effect;
        OutsideEvent event{{replay.start, step.statement},
                           {f, step.statement, effect.offset, step.tick}};
        if (effect.action == Action::drop) {
          event.drop = true;
          if (effect.object.kind == lint::ObjectKind::schema) {
            schema_drops[effect.object.name].push_back(event);
          }
          if (step.object == lint::k_no_object) drops[outside_key(effect.object)].push_back(event);
          continue;
        }
        if (!outside_grant(step)) continue;
        auto [at, added] = found.by_key.emplace(outside_key(effect.object), found.objects.size());
        if (added) found.objects.push_back(effect.object);
        const Node& node = statements[step.statement]->node;
        for (const std::string& role : pairing::role_names(node.list("grantees"))) {
          std::vector<OutsideEvent>& events = named[role][at->second];
          // A GRANT of two privileges, or naming it twice, is one change.
          if (events.empty() || events.back().at != event.at) events.push_back(event);
        }
      }
      for (std::size_t i = 0; i < statements.size(); ++i) {
        const Node& node = statements[i]->node;
        OutsideEvent event{{replay.start, i}, {f, i, 0, catalog.before_statement(f, i)}};
        if (all_in_schema(node)) {
          in_schema.push_back(event);
        } else if (node.is("DropOwnedStmt") || node.is("DropRoleStmt")) {
          for (const std::string& role : pairing::role_names(node.list("roles"))) {
            gone[role].push_back(event);
          }
        }
      }
    }
    for (const OutsideEvent& event : in_schema) {
      const Node& node = lint::statement_at(project, event.origin)->node;
      for (std::size_t object = 0; object < found.objects.size(); ++object) {
        const lint::ObjectRef& ref = found.objects[object];
        if (!pairing::reaches_in_schema(node, ref.kind, ref.schema)) continue;
        for (const std::string& role : pairing::role_names(node.list("grantees"))) {
          named[role][object].push_back(event);
        }
      }
    }
    for (auto& [role, objects] : named) {
      auto cleared = gone.find(role);
      for (auto& [object, events] : objects) {
        const lint::ObjectRef& ref = found.objects[object];
        if (cleared != gone.end()) {
          events.insert(events.end(), cleared->second.begin(), cleared->second.end());
        }
        for (const auto* by : {&drops, &schema_drops}) {
          const std::string& name = by == &drops ? outside_key(ref) : ref.schema;
          auto dropped = by->find(name);
          if (name.empty() || dropped == by->end()) continue;
          events.insert(events.end(), dropped->second.begin(), dropped->second.end());
        }
        std::stable_sort(events.begin(), events.end(),
                         [](const OutsideEvent& a, const OutsideEvent& b) { return a.at < b.at; });
        found.by_role[role].push_back({object, std::move(events)});
      }
    }
    return found;
  });
}

// What the role holds on an object no migration makes before a statement of an up (`before`),
// as far as the ups say (its events there under each of its names: OutsideObjects); `granted`
// receives the last GRANT to it (none: it was given nothing, or lost it all since).
pairing::Privileges outside_privileges(const lint::Project& project,
                                       const std::vector<OutsideEvent>& events,
                                       const lint::ObjectRef& ref, Position before,
                                       const RoleNames& names,
                                       std::optional<lint::Origin>& granted) {
  pairing::Privileges held;
  granted.reset();
  std::string current = names.at(Position{});
  for (const OutsideEvent& event : events) {
    if (event.at >= before) break;
    names.follow(held, current, event.at);
    const Node& node = lint::statement_at(project, event.origin)->node;
    if (event.drop || !node.is("GrantStmt")) {  // a drop, DROP OWNED BY, DROP ROLE
      held.clear();
      granted.reset();
      continue;
    }
    pairing::apply_grant(held, node, ref.kind);
    if (node.flag("is_grant")) granted = event.origin;
  }
  names.follow(held, current, before);
  std::erase_if(held, [&](const pairing::Privilege& p) { return p.role != current; });
  return held;
}

// The ticks of the ups' statements before a statement of an up (all of it: SIZE_MAX) that take from
// the role what earlier ones gave it: DROP OWNED BY (privileges, owned objects, policies) and DROP
// ROLE (after which it held nothing); REASSIGN OWNED BY gives its objects away.
struct Clears {
  Tick all = 0;
  Tick owned = 0;
};
Clears clears_before(const lint::Project& project, const lint::Catalog& catalog,
                     const RoleNames& names, std::size_t before_file,
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
      const std::string& role = names.at(Position{replay.start, i});
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
// change, the roles of its policies; under each name it had (ALTER ROLE ... RENAME TO followed).
std::vector<EarlierHold> holds_at(const lint::Project& project, const lint::Catalog& catalog,
                                  const std::string& role, std::size_t file,
                                  std::size_t statement) {
  std::vector<EarlierHold> holds;
  Tick tick = catalog.before_statement(file, statement);
  Position before{catalog.replay(file).start, statement};
  RoleNames names(project, catalog, role, file, statement);
  Clears clears = clears_before(project, catalog, names, file, statement);
  for (ObjectId id = 0; id < catalog.size(); ++id) {
    const lint::CatalogObject& object = catalog.object(id);
    if (!object.alive_at(tick)) continue;
    pairing::Privileges held;
    std::optional<lint::Origin> granted;  // the last GRANT to the role
    std::optional<lint::Origin> owner;    // the last owner change to the role
    std::optional<lint::Origin> policy;   // the CREATE or ALTER POLICY that gave it the role
    if (object.created.tick > clears.all) {
      const lint::Statement* created = lint::statement_at(project, object.created);
      const std::string& then = names.at(object.created);
      if (pairing::created_owner(project, catalog, id) == then) owner = object.created;
      if (created != nullptr && created->node.is("CreatePolicyStmt") &&
          pairing::lists_role(created->node.list("roles"), then)) {
        policy = object.created;
      }
    }
    std::string current = names.at(Position{});
    for (const lint::ObjectChange& change :
         lint::changes_before(project, object, tick, clears.all)) {
      const lint::Origin& origin = change.origin;
      const Node& node = change.statement->node;
      names.follow(held, current, Position{catalog.replay(origin.file).start, origin.statement});
      if (node.is("GrantStmt")) {
        pairing::apply_grant(held, node, object.kind());
        if (node.flag("is_grant") && pairing::lists_role(node.list("grantees"), current)) {
          granted = origin;
        }
      } else if (std::optional<std::string> to = pairing::new_owner(node)) {
        owner = *to == current ? std::optional<lint::Origin>(origin) : std::nullopt;
      } else if (node.is("AlterPolicyStmt") && !node.list("roles").empty()) {
        policy = pairing::lists_role(node.list("roles"), current)
                     ? std::optional<lint::Origin>(origin)
                     : std::nullopt;
      }
    }
    names.follow(held, current, before);
    bool holds_privileges = std::any_of(
        held.begin(), held.end(), [&](const pairing::Privilege& p) { return p.role == role; });
    if (holds_privileges && granted) {
      holds.push_back({*granted, id, Hold::Kind::privileges, std::move(held)});
    }
    if (owner && owner->tick > clears.owned) holds.push_back({*owner, id, Hold::Kind::owner});
    if (policy) holds.push_back({*policy, id, Hold::Kind::policy});
  }
  // Objects no migration makes: the events of each name while the role had it, and drops.
  const OutsideObjects& outside = outside_objects(project, catalog);
  std::map<std::size_t, std::vector<OutsideEvent>> on;
  for (const std::string& name : names.all()) {
    auto named = outside.by_role.find(name);
    if (named == outside.by_role.end()) continue;
    for (const OutsideObjects::Held& held : named->second) {
      for (const OutsideEvent& event : held.events) {
        if (event.drop || names.at(event.at) == name) on[held.object].push_back(event);
      }
    }
  }
  for (auto& [object, events] : on) {
    std::stable_sort(events.begin(), events.end(),
                     [](const OutsideEvent& a, const OutsideEvent& b) { return a.at < b.at; });
    const lint::ObjectRef& ref = outside.objects[object];
    std::optional<lint::Origin> granted;
    pairing::Privileges held = outside_privileges(project, events, ref, before, names, granted);
    if (!held.empty() && granted) {
      holds.push_back({*granted, lint::k_no_object, Hold::Kind::privileges, std::move(held), ref});
    }
  }
  for (EarlierHold& hold : holds) hold.named = names.at(hold.given);
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
  const lint::ObjectRef& ref =
      hold.object == lint::k_no_object ? hold.outside : catalog.object(hold.object).ref();
  std::string object = pairing::describe(ref);
  std::string where = project.source(hold.given.file).display;
  // A role renamed since (ALTER ROLE ... RENAME TO) keeps what it was given under its old name.
  std::string then = hold.named.empty() || hold.named == role
                         ? std::string()
                         : hold.named + " (the role's name then)";
  std::string what;
  std::string help;
  switch (hold.kind) {
    case Hold::Kind::privileges:
      what = "still holds privileges on " + object + ", which " + where + " granted" +
             (then.empty() ? "" : " to " + then);
      help = "revoke them before DROP ROLE (`" +
             (all_in_schema(giving->node) ? pairing::revoke_in_schema_sql(giving->node, {role})
                                          : pairing::revoke_sql(giving->node, ref, {role})) +
             "`), or write `DROP OWNED BY " + role + ";` before it";
      break;
    case Hold::Kind::owner:
      what = "still owns " + object + ", which " + where + " gave " + (then.empty() ? "it" : then);
      help =
          "give it to another role before DROP ROLE (ALTER ... OWNER TO <role>), or write "
          "`REASSIGN OWNED BY " +
          role + " TO <role>;` before it";
      break;
    default:
      what = "is still a target of " + object + ", as " + where + " made it" +
             (then.empty() ? "" : " with " + then);
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
          Hold hold{
              .statement = step.statement, .object = step.object, .privileges = std::move(held)};
          // ON ALL TABLES IN SCHEMA: every table it reached keeps the privileges.
          for (const auto& other : m_pair.up_replay->steps) {
            if (other.statement == step.statement && other.object != lint::k_no_object &&
                other.object != step.object && other.effect.change == Change::grant &&
                !taken_before(other.object, d) &&
                !held_before(after_up(other.object), other.object, role, d).empty() &&
                std::find(hold.also.begin(), hold.also.end(), other.object) == hold.also.end()) {
              hold.also.push_back(other.object);
            }
          }
          return hold;
        }
      }
      if (pairing::new_owner(node) == role && !taken_before(step.object, d) &&
          !owner_changed_before(step.object, d) && !reassigns_before(role, d)) {
        return Hold{step.statement, step.object, Hold::Kind::owner};
      }
    }
    // GRANTs on objects no migration makes (schema public), followed by name.
    for (const auto& step : m_pair.up_replay->steps) {
      if (!outside_grant(step) || step.effect.change != Change::grant ||
          !pairing::lists_role(up[step.statement]->node.list("grantees"), role)) {
        continue;
      }
      const OutsideObjects& outside = outside_objects(m_project, m_catalog);
      std::optional<std::size_t> object = outside.find(step.effect.object);
      const std::vector<OutsideEvent>* events = object ? outside.events(role, *object) : nullptr;
      if (events == nullptr) continue;
      const lint::ObjectRef& ref = outside.objects[*object];
      if (outside_taken_before(ref, d)) continue;
      std::optional<lint::Origin> granted;
      Position end{m_pair.up_replay->start, static_cast<std::size_t>(-1)};
      pairing::Privileges after_up = outside_privileges(
          m_project, *events, ref, end,
          RoleNames(m_project, m_catalog, role, m_pair.up, end.statement), granted);
      std::vector<pairing::Privilege> held =
          held_before(std::move(after_up), ref, outside_steps(ref), role, d);
      if (!held.empty()) {
        return Hold{.statement = step.statement, .privileges = std::move(held), .outside = ref};
      }
    }
    for (const auto& step : m_pair.up_replay->steps) {
      if (step.object == lint::k_no_object || step.effect.action != Action::create) continue;
      const Node& node = up[step.statement]->node;
      if (node.is("CreatePolicyStmt") && pairing::lists_role(node.list("roles"), role) &&
          !taken_before(step.object, d)) {
        return Hold{step.statement, step.object, Hold::Kind::policy};
      }
      // Made as the role (after SET ROLE role), or CREATE SCHEMA ... AUTHORIZATION role: the
      // role owns it, unless the up gave it to another role since.
      if (!step.existed && pairing::created_owner(m_project, m_catalog, step.object) == role &&
          pairing::owner_before(
              m_project, m_catalog, step.object,
              m_catalog.before_statement(m_pair.up, static_cast<std::size_t>(-1))) == role &&
          !taken_before(step.object, d) && !owner_changed_before(step.object, d) &&
          !reassigns_before(role, d)) {
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
    return held_before(std::move(held), m_catalog.object(id).ref_at(m_pair.up_replay->end),
                       m_down_steps.of(id), role, d);
  }
  // The same for an object (as named after the up) and the down's steps on it.
  std::vector<pairing::Privilege> held_before(pairing::Privileges held, const lint::ObjectRef& ref,
                                              const std::vector<const lint::CatalogStep*>& steps,
                                              const std::string& role, std::size_t d) const {
    pairing::replay_privileges(held, *m_pair.down_file, m_down_broad, steps, ref.kind, ref.schema,
                               d);
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
      // What the up gave it under the name the down drops: first_hold.
      if (hold.given.file == m_pair.up && hold.named == role) continue;
      if (hold.object == lint::k_no_object) {
        if (outside_taken_before(hold.outside, d) ||
            held_before(hold.privileges, hold.outside, outside_steps(hold.outside), role, d)
                .empty()) {
          continue;
        }
        return hold;
      }
      if (taken_before(hold.object, d)) continue;
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

  // The down's GRANTs and REVOKEs on an object no migration makes.
  std::vector<const lint::CatalogStep*> outside_steps(const lint::ObjectRef& ref) const {
    std::vector<const lint::CatalogStep*> steps;
    std::string key = outside_key(ref);
    for (const auto& step : m_pair.down_replay->steps) {
      if (outside_grant(step) && outside_key(step.effect.object) == key) steps.push_back(&step);
    }
    return steps;
  }

  // Whether a statement of the down before d drops an object no migration makes, or its schema.
  bool outside_taken_before(const lint::ObjectRef& ref, std::size_t d) const {
    std::string key = outside_key(ref);
    for (const auto& step : m_pair.down_replay->steps) {
      if (step.statement >= d || step.effect.action != Action::drop) continue;
      const lint::ObjectRef& dropped = step.effect.object;
      if ((step.object == lint::k_no_object && outside_key(dropped) == key) ||
          (dropped.kind == lint::ObjectKind::schema && !ref.schema.empty() &&
           dropped.name == ref.schema)) {
        return true;
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
    const lint::ObjectRef& ref =
        hold.object != lint::k_no_object ? m_catalog.object(hold.object).ref() : hold.outside;
    std::string object = hold.object != lint::k_no_object || !hold.outside.name.empty()
                             ? pairing::describe(ref)
                             : std::string();
    switch (hold.kind) {
      case Hold::Kind::privileges: {
        const Node& grant = m_pair.up_file->all_statements()[hold.statement]->node;
        if (all_in_schema(grant)) {
          // One REVOKE per table would leave the others: revoke them as they were granted.
          std::vector<std::string> objects{object};
          for (ObjectId other : hold.also) {
            objects.push_back(pairing::describe(m_catalog.object(other).ref()));
          }
          std::string last = objects.back();
          objects.pop_back();
          what = "still holds privileges on " +
                 (objects.empty() ? last : lint::join_strings(objects, ", ") + " and " + last) +
                 ", which the up granted ON ALL ... IN SCHEMA";
          help = "revoke them before DROP ROLE (`" + pairing::revoke_in_schema_sql(grant, {role}) +
                 "`), or write `DROP OWNED BY " + role + ";` before it";
          break;
        }
        what = "still holds privileges on " + object + ", which the up granted";
        help = "revoke them before DROP ROLE (`" +
               pairing::revoke_privileges_sql(grant, ref, hold.privileges) +
               "`), or write `DROP OWNED BY " + role + ";` before it";
        break;
      }
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
          what = "still owns " + object + ", which the up made " +
                 (m_pair.up_file->all_statements()[hold.statement]->node.is("CreateSchemaStmt")
                      ? "with AUTHORIZATION " + role
                      : "as " + role + " (after SET ROLE " + role + ")");
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
