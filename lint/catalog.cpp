#include "lint/catalog.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "lint/engine.h"
#include "lint/table_state.h"
#include "lint/transaction.h"

namespace sqlgate::lint {

namespace {

// The contrib extension whose operator class is the default one for a column of that type under
// an access method (btree_gist's gist_int8_ops for a bigint under gist, intarray's for an
// integer[]); empty when PostgreSQL's own is, or when sqlgate does not know the type.
std::string_view default_opclass_extension(const ColumnType& type, std::string_view method) {
  if (!type.schema.empty()) return {};
  if (type.array) return method == "gist" && type.name == "int4" ? "intarray" : "";
  // varchar takes text's operator class.
  static constexpr std::string_view k_gist[] = {
      "bit",         "bool",   "bpchar",  "bytea",  "cidr",   "date",     "float4",
      "float8",      "inet",   "int2",    "int4",   "int8",   "interval", "macaddr",
      "macaddr8",    "money",  "numeric", "oid",    "text",   "time",     "timestamp",
      "timestamptz", "timetz", "uuid",    "varbit", "varchar"};
  static constexpr std::string_view k_gin_extra[] = {"char", "name"};
  auto in = [&](const auto& names) {
    return std::find(std::begin(names), std::end(names), type.name) != std::end(names);
  };
  if (method == "gist") return in(k_gist) ? "btree_gist" : "";
  if (method == "gin") return in(k_gist) || in(k_gin_extra) ? "btree_gin" : "";
  return {};
}

// Catalog::m_kinds has a flag per kind; transform is the last.
static_assert(static_cast<std::size_t>(ObjectKind::transform) < 64);

// The kinds a reference of one kind may resolve to (a view of a static list).
struct KindList {
  const ObjectKind* first;
  std::size_t count;
  const ObjectKind* begin() const { return first; }
  const ObjectKind* end() const { return first + count; }
};

KindList lookup_kinds(const ObjectKind& kind) {
  static constexpr ObjectKind k_table[] = {ObjectKind::table, ObjectKind::foreign_table,
                                           ObjectKind::view, ObjectKind::materialized_view};
  static constexpr ObjectKind k_type[] = {ObjectKind::type, ObjectKind::domain};
  static constexpr ObjectKind k_domain[] = {ObjectKind::domain, ObjectKind::type};
  static constexpr ObjectKind k_function[] = {ObjectKind::function, ObjectKind::procedure,
                                              ObjectKind::aggregate};
  switch (kind) {
    case ObjectKind::table:
      return {k_table, std::size(k_table)};
    case ObjectKind::type:
      return {k_type, std::size(k_type)};
    case ObjectKind::domain:
      return {k_domain, std::size(k_domain)};
    case ObjectKind::function:
      return {k_function, std::size(k_function)};
    default:
      return {&kind, 1};
  }
}

// The expressions an ALTER POLICY replaces: what the old ones called and read no longer counts.
std::vector<DependencySource> policy_expressions_set(const Effect& effect) {
  std::vector<DependencySource> sources;
  if (effect.action != Action::alter || effect.object.kind != ObjectKind::policy) return sources;
  for (const auto& clause : effect.columns) {
    sources.push_back(clause == "using" ? DependencySource::policy_using
                                        : DependencySource::policy_check);
  }
  return sources;
}

// A hash of the parts of a name, eight bytes at a time: equal names hash alike.
class NameHash {
 public:
  NameHash& add(std::string_view part) {
    const char* at = part.data();
    std::size_t left = part.size();
    for (; left >= 8; left -= 8, at += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, at, 8);
      mix(word);
    }
    std::uint64_t tail = static_cast<std::uint64_t>(part.size()) << 56;
    for (std::size_t i = 0; i < left; ++i) {
      tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(at[i])) << (8 * i);
    }
    mix(tail);
    return *this;
  }
  std::uint64_t value() const { return m_value; }

 private:
  std::uint64_t m_value = 0;
  void mix(std::uint64_t word) {
    m_value = (m_value ^ word) * 0x9e3779b97f4a7c15ull;
    m_value ^= m_value >> 32;
  }
};

// A name's hash without its kind, then with it: lookups of several kinds hash the parts once.
std::uint64_t parts_hash(std::string_view schema, std::string_view parent, std::string_view name) {
  return NameHash().add(schema).add(parent).add(name).value();
}

std::uint64_t name_hash(std::uint64_t parts, ObjectKind kind) {
  std::uint64_t value = (parts ^ (static_cast<std::uint64_t>(kind) + 1)) * 0x9e3779b97f4a7c15ull;
  return value ^ (value >> 32);
}

std::uint64_t schema_hash(std::string_view schema, std::string_view name) {
  return parts_hash(schema, {}, name);
}

// ObjectRef::base_key() of a name with another kind.
std::string base_key_as(const Catalog::NameRef& ref, ObjectKind kind) {
  std::string key(to_string(kind));
  key += '\x1f';
  key += ref.schema;
  key += '\x1f';
  key += ref.parent;
  key += '\x1f';
  key += ref.name;
  return key;
}

// The same object name: what equal base keys say, without building them.
bool same_name(const ObjectRef& a, ObjectKind kind, const Catalog::NameRef& b) {
  return a.kind == kind && a.name == b.name && a.schema == b.schema && a.parent == b.parent;
}

bool same_args(const ObjectRef& a, const Catalog::NameRef& b) {
  return !a.args || b.args == nullptr || *a.args == *b.args;
}

constexpr std::string_view k_temporary = "pg_temp";

// ALTER TEXT SEARCH CONFIGURATION ... ADD | ALTER | DROP MAPPING (see DependencySource::mapping).
bool remaps(const Effect& effect) {
  return effect.action == Action::alter && effect.change == Change::other &&
         effect.object.kind == ObjectKind::text_search_configuration;
}

bool visible(const CatalogObject::Name& name, Tick at) {
  return name.from < at && at <= name.to;
}

}  // namespace

std::size_t Catalog::NameIndex::slot_of(std::uint64_t hash) const {
  std::size_t mask = m_slots.size() - 1;
  std::size_t at = static_cast<std::size_t>((hash ^ (hash >> 31)) * 0x9e3779b97f4a7c15ull >> 17);
  for (at &= mask;; at = (at + 1) & mask) {
    const Slot& slot = m_slots[at];
    if (slot.first == k_end || slot.hash == hash) return at;
  }
}

void Catalog::NameIndex::add(std::uint64_t hash, ObjectId id) {
  if ((m_used + 1) * 2 > m_slots.size()) {
    std::vector<Slot> old(std::max<std::size_t>(64, m_slots.size() * 2));
    old.swap(m_slots);
    for (const Slot& slot : old) {
      if (slot.first != k_end) m_slots[slot_of(slot.hash)] = slot;
    }
  }
  Slot& slot = m_slots[slot_of(hash)];
  auto link = static_cast<std::uint32_t>(m_links.size());
  if (slot.first == k_end) {
    slot.hash = hash;
    slot.first = link;
    ++m_used;
  } else {
    m_links[slot.last].next = link;
  }
  slot.last = link;
  m_links.push_back({id, k_end});
}

std::uint32_t Catalog::NameIndex::first(std::uint64_t hash) const {
  if (m_slots.empty()) return k_end;
  return m_slots[slot_of(hash)].first;
}

const ObjectRef& CatalogObject::ref_at(Tick tick) const {
  for (const auto& name : names) {
    if (visible(name, tick)) return name.ref;
  }
  return names.front().ref;
}

bool CatalogObject::alive_at(Tick tick) const {
  return names.front().from < tick && tick <= names.back().to;
}

const RuleDefinition* CatalogObject::rule_at(Tick tick) const {
  const RuleDefinition* found = nullptr;
  for (const auto& definition : rule) {
    if (definition.from < tick) found = &definition;
  }
  return found;
}

ObjectId Catalog::find_named(const NameRef& ref, ObjectKind kind, std::uint64_t parts,
                             Tick at) const {
  for (auto link = m_by_name.first(name_hash(parts, kind)); link != NameIndex::k_end;
       link = m_by_name.next(link)) {
    ObjectId id = m_by_name.id(link);
    for (const auto& name : m_objects[id].names) {
      if (visible(name, at) && same_name(name.ref, kind, ref) && same_args(name.ref, ref)) {
        return id;
      }
    }
  }
  return k_no_object;
}

ObjectId Catalog::find(const NameRef& ref, Tick at) const {
  std::uint64_t parts = 0;
  bool hashed = false;
  for (ObjectKind kind : lookup_kinds(ref.kind)) {
    if (!m_kinds[static_cast<std::size_t>(kind)]) continue;
    if (!hashed) {
      parts = parts_hash(ref.schema, ref.parent, ref.name);
      hashed = true;
    }
    ObjectId id = find_named(ref, kind, parts, at);
    if (id != k_no_object) return id;
  }
  return k_no_object;
}

ObjectId Catalog::find(const ObjectRef& ref, Tick at) const {
  return find(NameRef(ref), at);
}

ObjectId Catalog::created_after(const ObjectRef& ref, Tick at) const {
  NameRef wanted(ref);
  ObjectId best = k_no_object;
  std::uint64_t parts = parts_hash(ref.schema, ref.parent, ref.name);
  for (ObjectKind kind : lookup_kinds(ref.kind)) {
    for (auto link = m_by_name.first(name_hash(parts, kind)); link != NameIndex::k_end;
         link = m_by_name.next(link)) {
      ObjectId id = m_by_name.id(link);
      for (const auto& name : m_objects[id].names) {
        if (name.from <= at || !same_name(name.ref, kind, wanted)) continue;
        if (!same_args(name.ref, wanted)) continue;
        if (best == k_no_object || name.from < m_objects[best].created.tick) best = id;
      }
    }
  }
  return best;
}

template <typename Visit>
void Catalog::each_overload(const NameRef& ref, Tick at, Visit&& visit) const {
  std::uint64_t parts = parts_hash(ref.schema, ref.parent, ref.name);
  for (ObjectKind kind : lookup_kinds(ref.kind)) {
    if (!m_kinds[static_cast<std::size_t>(kind)]) continue;
    for (auto link = m_by_name.first(name_hash(parts, kind)); link != NameIndex::k_end;
         link = m_by_name.next(link)) {
      ObjectId id = m_by_name.id(link);
      if (!m_objects[id].alive_at(at)) continue;
      for (const auto& name : m_objects[id].names) {
        if (!visible(name, at) || !same_name(name.ref, kind, ref)) continue;
        visit(id, name.ref);
        break;
      }
    }
  }
}

std::vector<ObjectId> Catalog::overloads(const Effect& effect, Tick at,
                                         const std::function<bool(ObjectId)>& gone) const {
  const ObjectRef& ref = effect.object;
  // Along the path, in its order (the effect's schema may be the one the name was found in): the
  // schema the name was resolved to first only when the path does not hold it.
  std::vector<std::string_view> schemas;
  if (!effect.schema_given && effect.search_path) {
    const std::vector<std::string>& path = *effect.search_path;
    if (std::find(path.begin(), path.end(), ref.schema) == path.end()) {
      schemas.push_back(ref.schema);
    }
    for (const std::string& schema : path) {
      if (std::find(schemas.begin(), schemas.end(), schema) == schemas.end()) {
        schemas.push_back(schema);
      }
    }
  } else {
    schemas.push_back(ref.schema);
  }
  std::vector<ObjectId> found;
  std::vector<const ObjectRef*> names;
  bool procedure = ref.kind == ObjectKind::procedure;
  for (std::string_view schema : schemas) {
    NameRef candidate(ref);
    candidate.schema = schema;
    candidate.args = nullptr;
    std::size_t earlier = names.size();
    each_overload(candidate, at, [&](ObjectId id, const ObjectRef& name) {
      if ((m_objects[id].kind() == ObjectKind::procedure) != procedure || (gone && gone(id))) {
        return;
      }
      for (std::size_t k = 0; k < earlier; ++k) {
        if (names[k]->args == name.args) return;
      }
      found.push_back(id);
      names.push_back(&name);
    });
  }
  return found;
}

std::optional<Catalog::NameLoss> Catalog::lost_before(const ObjectRef& ref, Tick at) const {
  NameRef wanted(ref);
  std::uint64_t parts = parts_hash(ref.schema, ref.parent, ref.name);
  ObjectId last = k_no_object;
  std::size_t last_name = 0;
  for (ObjectKind kind : lookup_kinds(ref.kind)) {
    for (auto link = m_by_name.first(name_hash(parts, kind)); link != NameIndex::k_end;
         link = m_by_name.next(link)) {
      ObjectId id = m_by_name.id(link);
      const auto& names = m_objects[id].names;
      for (std::size_t k = 0; k < names.size(); ++k) {
        const CatalogObject::Name& name = names[k];
        if (!same_name(name.ref, kind, wanted) || !same_args(name.ref, wanted)) continue;
        if (visible(name, at)) return std::nullopt;
        if (name.to >= at) continue;
        if (last == k_no_object || name.to > m_objects[last].names[last_name].to) {
          last = id;
          last_name = k;
        }
      }
    }
  }
  if (last == k_no_object) return std::nullopt;
  const CatalogObject& object = m_objects[last];
  Tick to = object.names[last_name].to;
  NameLoss loss;
  loss.object = last;
  if (last_name + 1 == object.names.size()) {
    if (!object.dropped || object.dropped->tick != to) return std::nullopt;
    loss.by = *object.dropped;
    loss.dropped = true;
    return loss;
  }
  loss.renamed_to = object.names[last_name + 1].ref;
  // The rename of the object, or of the table it belongs to (its name moved with it).
  for (ObjectId id = last; id != k_no_object; id = m_objects[id].parent) {
    for (const Origin& origin : m_objects[id].changed) {
      if (origin.tick == to) {
        loss.by = origin;
        return loss;
      }
    }
  }
  // ALTER SCHEMA ... RENAME TO: the rename of the schema it is in.
  const ObjectRef& old_ref = object.names[last_name].ref;
  if (!old_ref.schema.empty() && old_ref.schema != loss.renamed_to.schema) {
    ObjectId schema = find(NameRef(ObjectKind::schema, {}, {}, loss.renamed_to.schema), to + 1);
    if (schema != k_no_object) {
      for (const Origin& origin : m_objects[schema].changed) {
        if (origin.tick == to) {
          loss.by = origin;
          return loss;
        }
      }
    }
  }
  return std::nullopt;
}

bool Catalog::known(const ObjectRef& ref) const {
  NameRef wanted(ref);
  std::uint64_t parts = parts_hash(ref.schema, ref.parent, ref.name);
  for (ObjectKind kind : lookup_kinds(ref.kind)) {
    for (auto link = m_by_name.first(name_hash(parts, kind)); link != NameIndex::k_end;
         link = m_by_name.next(link)) {
      for (const auto& name : m_objects[m_by_name.id(link)].names) {
        if (same_name(name.ref, kind, wanted)) return true;
      }
    }
  }
  return false;
}

Tick Catalog::before(std::size_t file) const {
  // A down's replay runs from the state after its up (start) back to the one before it (end).
  const FileReplay& replay = m_files[file];
  return replay.direction == Direction::up ? replay.start : replay.end;
}

Tick Catalog::after_up(std::size_t file) const {
  const FileReplay& replay = m_files[file];
  return replay.direction == Direction::up ? replay.end : replay.start;
}

bool Catalog::existed_before(const ObjectRef& ref, std::size_t file) const {
  return find(ref, before(file)) != k_no_object;
}

ObjectId Catalog::key_partner(ObjectId id, Tick at) const {
  auto is_key = [&](ObjectId other) {
    const CatalogObject& object = m_objects[other];
    return object.kind() == ObjectKind::constraint && object.alive_at(at) &&
           (object.contype == 'p' || object.contype == 'u' || object.contype == 'x');
  };
  const ObjectRef& ref = m_objects[id].ref_at(at);
  if (is_key(id)) return find(NameRef(ObjectKind::index, ref.schema, {}, ref.name), at);
  if (m_objects[id].kind() != ObjectKind::index || !m_objects[id].alive_at(at)) return k_no_object;
  for (const DependencyEdge& edge : m_objects[id].depends_on) {
    for (ObjectId child : m_objects[edge.object].children) {
      if (is_key(child) && m_objects[child].ref_at(at).name == ref.name) return child;
    }
  }
  return k_no_object;
}

std::optional<Origin> Catalog::created_by(const ObjectRef& ref, Tick at) const {
  ObjectId id = find(ref, at);
  if (id == k_no_object) return std::nullopt;
  return m_objects[id].created;
}

std::vector<ObjectId> Catalog::children(const ObjectRef& table, ObjectKind kind, Tick at) const {
  std::vector<ObjectId> result;
  ObjectId id = find(table, at);
  if (id == k_no_object) return result;
  for (ObjectId child : m_objects[id].children) {
    if (m_objects[child].kind() == kind && m_objects[child].alive_at(at)) result.push_back(child);
  }
  return result;
}

std::vector<ObjectId> Catalog::columns(const ObjectRef& table, Tick at) const {
  return children(table, ObjectKind::column, at);
}

std::vector<ObjectId> Catalog::constraints(const ObjectRef& table, Tick at) const {
  return children(table, ObjectKind::constraint, at);
}

std::vector<Catalog::TableRule> Catalog::rules(ObjectId table, Tick at,
                                               std::optional<Change> event) const {
  std::vector<TableRule> result;
  if (table == k_no_object) return result;
  for (ObjectId child : m_objects[table].children) {
    const CatalogObject& object = m_objects[child];
    if (object.kind() != ObjectKind::rule || !object.alive_at(at)) continue;
    const RuleDefinition* definition = object.rule_at(at);
    if (definition == nullptr || !definition->facts) continue;
    if (event && definition->facts->event != *event) continue;
    result.push_back({child, definition});
  }
  return result;
}

std::vector<ObjectId> Catalog::indexes(const ObjectRef& table, Tick at) const {
  std::vector<ObjectId> result;
  ObjectId id = find(table, at);
  if (id == k_no_object) return result;
  for (const auto& edge : m_objects[id].dependents) {
    const CatalogObject& object = m_objects[edge.object];
    if (object.kind() == ObjectKind::index && object.alive_at(at) &&
        std::find(result.begin(), result.end(), edge.object) == result.end()) {
      result.push_back(edge.object);
    }
  }
  return result;
}

std::optional<bool> Catalog::has_unique_key(const ObjectRef& table, Tick at,
                                            const std::vector<std::string>* columns) const {
  if (find(table, at) == k_no_object) return std::nullopt;
  std::vector<std::string> wanted;
  if (columns) {
    wanted = *columns;
    std::sort(wanted.begin(), wanted.end());
  }
  auto matches = [&](const CatalogObject& object) {
    if (!columns) return true;
    std::vector<std::string> have = object.columns;
    std::sort(have.begin(), have.end());
    return have == wanted;
  };
  for (ObjectId id : constraints(table, at)) {
    const CatalogObject& object = m_objects[id];
    if ((object.contype == 'p' || object.contype == 'u') && matches(object)) return true;
  }
  for (ObjectId id : indexes(table, at)) {
    const CatalogObject& object = m_objects[id];
    if (object.unique && matches(object)) return true;
  }
  return false;
}

std::span<const std::size_t> Catalog::ups_before(Tick at) const {
  auto end = std::partition_point(m_ups.begin(), m_ups.end(),
                                  [&](std::size_t up) { return m_files[up].start < at; });
  return {m_ups.data(), static_cast<std::size_t>(end - m_ups.begin())};
}

Tick Catalog::before_statement(std::size_t file, std::size_t statement) const {
  const FileReplay& replay = m_files[file];
  // A file's steps are in statement order.
  auto first = std::lower_bound(
      replay.steps.begin(), replay.steps.end(), statement,
      [](const CatalogStep& step, std::size_t wanted) { return step.statement < wanted; });
  return first == replay.steps.end() ? replay.end : first->tick;
}

std::span<const CatalogStep> Catalog::steps_at(std::size_t file, std::size_t statement) const {
  // A file's steps are in statement order.
  const auto& steps = m_files[file].steps;
  auto first = std::lower_bound(
      steps.begin(), steps.end(), statement,
      [](const CatalogStep& step, std::size_t wanted) { return step.statement < wanted; });
  auto last = first;
  while (last != steps.end() && last->statement == statement) ++last;
  return {first, last};
}

std::vector<const CatalogStep*> Catalog::steps_of(std::size_t file, std::size_t statement) const {
  std::vector<const CatalogStep*> result;
  for (const CatalogStep& step : steps_at(file, statement)) result.push_back(&step);
  return result;
}

// ---- building -------------------------------------------------------------------------------

class CatalogBuilder {
 public:
  CatalogBuilder(Catalog& catalog, const Project& project, const CatalogOptions& options)
      : m_catalog(catalog),
        m_project(project),
        m_options(options),
        m_prepared_files(std::make_shared<std::vector<PreparedFile>>(project.set().files.size())),
        m_prepared(*m_prepared_files) {
    m_catalog.m_files.resize(project.set().files.size());
  }
  // A builder for some of the downs, on another thread: the same catalog and statements, its
  // own scratch state. The downs only read the catalog.
  struct ForDowns {};
  CatalogBuilder(ForDowns, const CatalogBuilder& primary)
      : m_catalog(primary.m_catalog),
        m_project(primary.m_project),
        m_options(primary.m_options),
        m_prepared_files(primary.m_prepared_files),
        m_prepared(*m_prepared_files),
        m_has_temporary(primary.m_has_temporary) {}

  // Replays the ups in order; wait(i) returns once file i is prepared, false to stop.
  bool replay_ups(const std::function<bool(std::size_t)>& wait) {
    const MigrationSet& set = m_project.set();
    for (std::size_t i = 0; i < set.files.size(); ++i) {
      const auto& migration = set.files[i].migration;
      if (!migration || migration->direction != Direction::up) continue;
      if (!wait(i)) return false;
      const ParsedFile* file = m_project.parsed(i);
      if (file == nullptr || file->error()) continue;
      replay_up(i, *file);
    }
    return true;
  }

  // Checks each down against the state after its up; every file must be prepared.
  void replay_downs() {
    const MigrationSet& set = m_project.set();
    std::vector<std::size_t> downs;
    for (std::size_t i = 0; i < set.files.size(); ++i) {
      const auto& migration = set.files[i].migration;
      if (!migration || migration->direction != Direction::down || migration->partner < 0) {
        continue;
      }
      const ParsedFile* file = m_project.parsed(i);
      const FileReplay& up = m_catalog.m_files[static_cast<std::size_t>(migration->partner)];
      if (file == nullptr || file->error() || !up.replayed) continue;
      downs.push_back(i);
    }
    auto replay = [&](CatalogBuilder& builder, std::size_t i) {
      const auto& migration = *set.files[i].migration;
      const FileReplay& up = m_catalog.m_files[static_cast<std::size_t>(migration.partner)];
      builder.replay_down(i, *m_project.parsed(i), up.end, up.start);
    };
    unsigned jobs = thread_count(m_options.jobs);
    // Each thread takes every jobs-th down: they cost about the same.
    constexpr std::size_t k_downs_per_thread = 64;
    jobs = static_cast<unsigned>(
        std::min<std::size_t>(jobs, (downs.size() + k_downs_per_thread - 1) / k_downs_per_thread));
    if (jobs <= 1) {
      for (std::size_t i : downs) replay(*this, i);
      return;
    }
    parallel_for(jobs, jobs, [&](std::size_t part) {
      CatalogBuilder builder(ForDowns{}, *this);
      for (std::size_t k = part; k < downs.size(); k += jobs) replay(builder, downs[k]);
    });
  }

  // Reads the effects of every statement of file i, with every implicit name taken as free.
  void prepare(std::size_t i) {
    const MigrationSet& set = m_project.set();
    const auto& migration = set.files[i].migration;
    if (!migration || (migration->direction == Direction::down && migration->partner < 0)) {
      return;
    }
    const ParsedFile* file = m_project.parsed(i);
    if (file == nullptr || file->error()) return;
    PreparedFile& prepared = m_prepared[i];
    ObjectResolver resolver(m_options.search_path);
    const auto& statements = file->all_statements();
    prepared.statements.resize(statements.size());
    const std::vector<std::string>* path = nullptr;
    std::optional<TransactionLayout> layout;
    if (file->has_directive(DirectiveKind::no_transaction)) layout.emplace(*file);
    for (std::size_t s = 0; s < statements.size(); ++s) {
      PreparedStatement& statement = prepared.statements[s];
      if (layout) {
        resolver.set_autocommit(!statements[s]->embedded() &&
                                layout->transaction_of(*statements[s]) ==
                                    TransactionLayout::k_alone);
      }
      if (&resolver.search_path() != path) {
        prepared.resolvers.push_back(resolver);
        path = &resolver.search_path();
      }
      statement.resolver = prepared.resolvers.size() - 1;
      statement.effects =
          resolver.effects(*statements[s], [&](const std::string& schema, const std::string& name,
                                               bool relations, bool constraints) {
            statement.queries.push_back({schema, name, relations, constraints});
            return false;
          });
    }
  }

 private:
  Catalog& m_catalog;
  const Project& m_project;
  const CatalogOptions& m_options;

  // The overlay of a down being checked: what it has taken so far.
  struct DownState {
    std::unordered_map<std::string, ObjectId> renamed;  // new base key -> object
    std::unordered_set<ObjectId> renamed_away;
    // Columns the down has given another type: they no longer depend on their old type.
    std::unordered_set<ObjectId> retyped;
    // Columns and domains whose default the down has set or dropped: they no longer depend on
    // what the old default used.
    std::unordered_set<ObjectId> undefaulted;
    // Policies whose USING (WITH CHECK) expression the down has replaced with ALTER POLICY.
    std::unordered_set<ObjectId> new_using;
    std::unordered_set<ObjectId> new_check;
    // Objects the down has moved to another schema (SET SCHEMA): the new schema's name.
    std::unordered_map<ObjectId, std::string> moved;
    // Partitions the down has detached (DETACH PARTITION): no longer part of their parent.
    std::unordered_set<ObjectId> detached;
    // Views, routines, triggers and rules the down has defined again (CREATE OR REPLACE): what
    // they depended on after the up no longer counts (but their schema), and they depend on
    // these objects instead (automatic ones go with them).
    struct Use {
      ObjectId target = k_no_object;
      bool automatic = false;
    };
    struct Redefinition {
      ObjectId id = k_no_object;
      std::vector<Use> uses;
    };
    std::vector<Redefinition> redefined;  // in the order the down redefined them

    Redefinition* redefinition(ObjectId id) {
      for (Redefinition& one : redefined) {
        if (one.id == id) return &one;
      }
      return nullptr;
    }
    // Whether an edge after the up from `dependent` to an object of kind `target` still holds:
    // not when the down has defined the dependent again.
    bool holds(ObjectId dependent, ObjectKind target) const {
      return target == ObjectKind::schema ||
             std::none_of(redefined.begin(), redefined.end(),
                          [&](const Redefinition& one) { return one.id == dependent; });
    }
    // Names the down itself has created, or renamed something to (base keys): a statement on
    // such a name after the object of the state after the up was dropped reaches the new one.
    std::unordered_set<std::string> made;
    // The mappings of text search configurations the down has changed, in order.
    struct Remap {
      ObjectId config = k_no_object;
      std::vector<std::string> tokens;  // none: every one (REPLACE without FOR)
      bool replace = false;
      ObjectId old = k_no_object;  // REPLACE: the dictionary replaced
      std::vector<ObjectId> dictionaries;
    };
    std::vector<Remap> remaps;

    bool made_anew(const ObjectRef& ref) const {
      if (made.empty()) return false;
      for (ObjectKind kind : lookup_kinds(ref.kind)) {
        if (made.count(base_key_as(Catalog::NameRef(ref), kind)) != 0) return true;
      }
      if (has_parent(ref.kind) && !ref.parent.empty()) {
        for (ObjectKind kind : lookup_kinds(ObjectKind::table)) {
          Catalog::NameRef parent(kind, ref.schema, {}, ref.parent);
          if (made.count(base_key_as(parent, kind)) != 0) return true;
        }
      }
      return false;
    }
  };
  // The effects of every statement, read in parallel before the replay with every implicit name
  // taken as free; the replay checks the names asked about and reads a statement again only when
  // one of them turns out to be taken.
  struct NameQuery {
    std::string schema;
    std::string name;
    bool relations = false;
    bool constraints = false;
  };
  struct PreparedStatement {
    std::vector<Effect> effects;
    std::vector<NameQuery> queries;
    std::size_t resolver = 0;  // the resolver as it stood before the statement
  };
  struct PreparedFile {
    std::vector<ObjectResolver> resolvers;
    std::vector<PreparedStatement> statements;
  };
  std::shared_ptr<std::vector<PreparedFile>> m_prepared_files;
  std::vector<PreparedFile>& m_prepared;

  // The effects of statement s of a file, as ObjectResolver::effects() gives them with `taken`.
  std::vector<Effect> effects_of(std::size_t file, std::size_t s, const Statement& statement,
                                 const ObjectResolver::NameTaken& taken) {
    PreparedStatement& prepared = m_prepared[file].statements[s];
    for (const NameQuery& query : prepared.queries) {
      if (taken(query.schema, query.name, query.relations, query.constraints)) {
        ObjectResolver resolver = m_prepared[file].resolvers[prepared.resolver];
        return resolver.effects(statement, taken);
      }
    }
    return std::move(prepared.effects);
  }

  // A step per effect at most: one allocation of the right size rather than a doubling vector.
  void reserve_steps(std::size_t file, FileReplay& replay) const {
    std::size_t count = 0;
    for (const auto& statement : m_prepared[file].statements) count += statement.effects.size();
    replay.steps.reserve(count);
  }

  DownState* m_down = nullptr;
  // Whether any object was ever named in pg_temp: else no lookup there can succeed.
  bool m_has_temporary = false;
  // A map from objects to values that empties in constant time.
  template <typename Value>
  class ObjectMap {
   public:
    void clear() {
      if (++m_stamp == 0) {
        std::fill(m_stamps.begin(), m_stamps.end(), 0);
        m_stamp = 1;
      }
    }
    bool count(ObjectId id) const { return id < m_stamps.size() && m_stamps[id] == m_stamp; }
    const Value* find(ObjectId id) const { return count(id) ? &m_values[id] : nullptr; }
    // Adds id with value unless it is there already.
    void emplace(ObjectId id, Value value) {
      if (count(id)) return;
      if (id >= m_stamps.size()) {
        std::size_t size = std::max<std::size_t>(id + 1, m_stamps.size() * 2);
        m_stamps.resize(size);
        m_values.resize(size);
      }
      m_stamps[id] = m_stamp;
      m_values[id] = value;
    }

   private:
    std::vector<std::uint32_t> m_stamps;
    std::vector<Value> m_values;
    std::uint32_t m_stamp = 1;
  };
  struct Marks : ObjectMap<bool> {
    void insert(ObjectId id) { emplace(id, true); }
  };
  // What the statement being replayed drops, with all that goes with it.
  Marks m_together;
  // What one drop has reached so far.
  Marks m_seen;
  // The objects the down being checked has taken so far: object -> step that took it.
  ObjectMap<std::size_t> m_gone;

  // Resolves the drops of one statement before any of them runs, as PostgreSQL does.
  std::vector<ObjectId> drops_of(std::vector<Effect>& effects, Tick at) {
    std::vector<ObjectId> targets(effects.size(), k_no_object);
    m_together.clear();
    for (std::size_t k = 0; k < effects.size(); ++k) {
      if (effects[k].action != Action::drop) continue;
      targets[k] = resolve(effects[k], effects[k].object, at);
      // ALTER TABLE runs its DROP COLUMN subcommands one after another: the first meets what
      // a later one would drop (DROP COLUMN a, DROP COLUMN g while generated g reads a is
      // refused). DROP a, b drops its objects together.
      if (targets[k] == k_no_object || effects[k].object.kind == ObjectKind::column) continue;
      std::vector<ObjectId> taken;
      m_seen.clear();
      m_seen.insert(targets[k]);
      collect(targets[k], effects[k].cascade, at, taken, m_seen);
      m_together.insert(targets[k]);
      for (ObjectId id : taken) m_together.insert(id);
    }
    return targets;
  }

  std::vector<CatalogObject>& objects() { return m_catalog.m_objects; }
  const CatalogObject& objects_at(ObjectId id) const { return m_catalog.m_objects[id]; }

  bool alive(ObjectId id, Tick at) const {
    if (!m_catalog.m_objects[id].alive_at(at)) return false;
    return m_down == nullptr || !m_gone.count(id);
  }

  ObjectId find(const Catalog::NameRef& ref, Tick at) const {
    // A column (constraint, trigger, ...) of a table (view, domain) this down has renamed
    // already: the catalog knows it under its parent's name after the up. Translated once, so that
    // two tables swapping names cannot send the lookup round in circles.
    if (m_down != nullptr && !m_down->renamed.empty() && has_parent(ref.kind) &&
        !ref.parent.empty()) {
      for (ObjectKind kind : {ObjectKind::table, ObjectKind::foreign_table, ObjectKind::view,
                              ObjectKind::materialized_view, ObjectKind::domain}) {
        auto it = m_down->renamed.find(
            base_key_as(Catalog::NameRef(kind, ref.schema, {}, ref.parent), kind));
        if (it == m_down->renamed.end() || !alive(it->second, at)) continue;
        const ObjectRef& parent = objects_at(it->second).ref_at(at);
        Catalog::NameRef translated = ref;
        translated.schema = parent.schema;
        translated.parent = parent.name;
        return find_in_down(translated, at);
      }
    }
    return find_in_down(ref, at);
  }
  // find() without the translation through a renamed parent.
  ObjectId find_in_down(const Catalog::NameRef& ref, Tick at) const {
    if (m_down != nullptr && !m_down->renamed.empty()) {
      for (ObjectKind kind : lookup_kinds(ref.kind)) {
        auto it = m_down->renamed.find(base_key_as(ref, kind));
        if (it != m_down->renamed.end() && alive(it->second, at)) return it->second;
      }
    }
    ObjectId id = m_catalog.find(ref, at);
    if (id == k_no_object || m_down == nullptr) return id;
    if (m_gone.count(id) || m_down->renamed_away.count(id) != 0) return k_no_object;
    return id;
  }
  ObjectId find(const ObjectRef& ref, Tick at) const { return find(Catalog::NameRef(ref), at); }

  // Resolves an unqualified reference along the search path it was written under; temporary
  // tables come first, as in PostgreSQL.
  ObjectId resolve(const Effect& effect, ObjectRef& ref, Tick at) const {
    if (ambiguous(effect, at)) return k_no_object;
    ObjectId id = resolve_as(effect, ref, at);
    if (id == k_no_object && effect.all_args_match && ref.args) {
      return resolve_all_args(effect, ref, at);
    }
    // ALTER TABLE finds a relation of any kind, and accepts OWNER TO, RENAME and SET SCHEMA of
    // a sequence or an index too (pg_dump writes ALTER TABLE seq OWNER TO): the statement (its
    // alter of the whole relation) and those reach a sequence or an index of that name.
    bool any_relation = ref.kind == ObjectKind::table && ref.parent.empty() &&
                        (effect.action == Action::rename ||
                         (effect.action == Action::alter &&
                          (effect.change == Change::owner || effect.change == Change::none)));
    if (id != k_no_object || !any_relation) return id;
    for (ObjectKind kind : {ObjectKind::sequence, ObjectKind::index}) {
      ObjectRef other = ref;
      other.kind = kind;
      id = resolve_as(effect, other, at);
      if (id != k_no_object) {
        ref = std::move(other);
        return id;
      }
    }
    return k_no_object;
  }
  // Whether a statement names a routine without argument types while two or more fit
  // (Catalog::overloads()): PostgreSQL refuses it.
  bool ambiguous(const Effect& effect, Tick at) const {
    if (effect.object.args ||
        (effect.object.kind != ObjectKind::function &&
         effect.object.kind != ObjectKind::procedure) ||
        (effect.action != Action::drop && effect.action != Action::alter &&
         effect.action != Action::rename)) {
      return false;
    }
    return m_catalog
               .overloads(effect, at,
                          [&](ObjectId id) {
                            return !alive(id, at) ||
                                   (m_down != nullptr && m_down->renamed_away.count(id) != 0);
                          })
               .size() > 1;
  }

  // A PROCEDURE or ROUTINE statement whose argument types are no routine's input types: the
  // routine, along the search path, whose arguments, OUT ones included, have them
  // (Effect::all_args_match); the ref then takes its input types.
  ObjectId resolve_all_args(const Effect& effect, ObjectRef& ref, Tick at) const {
    std::vector<std::string> schemas{ref.schema};
    if (!effect.schema_given && effect.search_path) {
      schemas.insert(schemas.end(), effect.search_path->begin(), effect.search_path->end());
    }
    for (const std::string& schema : schemas) {
      Catalog::NameRef candidate(ref);
      candidate.schema = schema;
      ObjectId found = k_no_object;
      const ObjectRef* name = nullptr;
      each_overload(candidate, at, [&](ObjectId id, const ObjectRef& current) {
        if (found != k_no_object || objects_at(id).all_args != *ref.args) return;
        if (m_down != nullptr && m_down->renamed_away.count(id) != 0) return;
        found = id;
        name = &current;
      });
      if (found != k_no_object) {
        ref = *name;
        return found;
      }
    }
    return k_no_object;
  }
  ObjectId resolve_as(const Effect& effect, ObjectRef& ref, Tick at) const {
    if (m_has_temporary && !effect.schema_given && ref.schema != k_temporary) {
      Catalog::NameRef temporary(ref);
      temporary.schema = k_temporary;
      ObjectId id = find(temporary, at);
      if (id != k_no_object) {
        ref.schema = k_temporary;
        return id;
      }
    }
    ObjectId id = find(ref, at);
    if (id != k_no_object || effect.schema_given || !effect.search_path) return id;
    for (const auto& schema : *effect.search_path) {
      if (schema == ref.schema) continue;
      Catalog::NameRef candidate(ref);
      candidate.schema = schema;
      id = find(candidate, at);
      if (id != k_no_object) {
        ref.schema = schema;
        return id;
      }
    }
    return k_no_object;
  }

  // A dependency by name: a temporary relation of that name first, as PostgreSQL looks.
  ObjectId find_dependency(const Catalog::NameRef& ref, Tick at) const {
    if (m_has_temporary && ref.schema != k_temporary && is_relation(ref.kind)) {
      Catalog::NameRef temporary(ref);
      temporary.schema = k_temporary;
      ObjectId id = find(temporary, at);
      if (id != k_no_object) return id;
    }
    ObjectId id = find(ref, at);
    if (id == k_no_object && ref.kind == ObjectKind::type) {
      // A table's (view's) row type: a type of the same name.
      Catalog::NameRef relation = ref;
      relation.kind = ObjectKind::table;
      id = find(relation, at);
    }
    return id;
  }

  // Calls visit(schema) for each schema a dependency may be found in, in search order.
  template <typename Visit>
  void each_schema(const Effect& effect, const Dependency& dependency, Visit&& visit) const {
    if (!visit(std::string_view(dependency.object.schema))) return;
    if (dependency.schema_given || !effect.search_path) return;
    for (const auto& schema : *effect.search_path) {
      if (schema == dependency.object.schema || schema == "$user" || schema == "pg_catalog" ||
          schema == k_temporary) {
        continue;
      }
      if (!visit(std::string_view(schema))) return;
    }
  }

  struct Resolved {
    ObjectId target = k_no_object;
    // Nothing of that name is there: the statement fails (unless the object comes from outside
    // the migrations). False when the name is there but sqlgate cannot tell which object it is.
    bool missing = false;
  };

  // The function a call reaches: among the overloads of its name along the search path, those
  // that take as many arguments, an overload in an earlier schema hiding one of the same
  // arguments in a later one; when several are left, those whose argument types match the types
  // the call states. Nothing when that leaves more than one.
  Resolved resolve_call(const Effect& effect, const Dependency& dependency, Tick at) const {
    const std::vector<std::string>& arguments = *dependency.call;
    struct Candidate {
      ObjectId id;
      const ObjectRef* ref;
    };
    std::vector<Candidate> candidates;
    bool named = false;
    each_schema(effect, dependency, [&](std::string_view schema) {
      Catalog::NameRef ref(dependency.object);
      ref.schema = schema;
      ref.kind = ObjectKind::function;
      each_overload(ref, at, [&](ObjectId id, const ObjectRef& name) {
        named = true;
        if (!accepts(objects_at(id), name, arguments.size())) return;
        bool hidden = false;
        for (const Candidate& earlier : candidates) {
          if (earlier.ref->args == name.args) hidden = true;
        }
        if (!hidden) candidates.push_back({id, &name});
      });
      return true;
    });
    Resolved resolved;
    if (!named) {
      resolved.missing = true;
      return resolved;
    }
    if (candidates.size() > 1) {
      bool stated = std::none_of(arguments.begin(), arguments.end(),
                                 [](const std::string& type) { return type.empty(); });
      if (!stated) return resolved;
      std::erase_if(candidates, [&](const Candidate& candidate) {
        return !matches(*candidate.ref, arguments);
      });
    }
    if (candidates.size() == 1) resolved.target = candidates.front().id;
    return resolved;
  }

  // Catalog::each_overload() without what this down has taken.
  template <typename Visit>
  void each_overload(const Catalog::NameRef& ref, Tick at, Visit&& visit) const {
    m_catalog.each_overload(ref, at, [&](ObjectId id, const ObjectRef& name) {
      if (alive(id, at)) visit(id, name);
    });
  }

  // Whether a routine takes that many arguments (its defaults and a VARIADIC one counted).
  static bool accepts(const CatalogObject& routine, const ObjectRef& ref, std::size_t count) {
    if (!ref.args) return true;
    std::size_t parameters =
        ref.args->empty() ? 0 : 1 + std::count(ref.args->begin(), ref.args->end(), ',');
    std::size_t fewest = parameters - std::min<std::size_t>(parameters, routine.optional_args);
    if (routine.variadic && routine.optional_args == 0 && fewest > 0) --fewest;
    return count >= fewest && (routine.variadic || count <= parameters);
  }

  // Whether the argument types a call states are a routine's ("unknown" fits any).
  static bool matches(const ObjectRef& ref, const std::vector<std::string>& arguments) {
    if (!ref.args) return false;
    std::string_view rest = *ref.args;
    for (const std::string& argument : arguments) {
      if (rest.empty()) return true;  // the VARIADIC part
      std::size_t comma = rest.find(',');
      std::string_view parameter = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      if (argument != "unknown" && argument != parameter) return false;
    }
    return true;
  }

  // The object a dependency of an effect names at a tick, looked up as PostgreSQL looks it up:
  // along the search path when written without a schema; a function among its overloads; an
  // extension's member (no migration creates one of that name) as its extension.
  Resolved resolve_dependency(const Effect& effect, const Dependency& dependency, Tick at) const {
    Resolved resolved;
    if (!dependency.any_of.empty()) return resolved;  // columns_read() tells
    if (!dependency.default_opclass_of.empty()) {
      // The column's type says whose default operator class the index takes; nothing is
      // missing when sqlgate cannot tell.
      ObjectId column = find(dependency.object, at);
      if (column == k_no_object) return resolved;
      auto type = column_type_before(m_project, m_catalog, column, at);
      std::string_view extension =
          type ? default_opclass_extension(*type, dependency.default_opclass_of) : "";
      if (!extension.empty()) {
        resolved.target = find(Catalog::NameRef(ObjectKind::extension, {}, {}, extension), at);
      }
      return resolved;
    }
    if (!dependency.result_column.empty()) {
      // A column of the rows the function returns: of its result table, when it has one.
      ObjectId routine = resolve_call(effect, dependency, at).target;
      ObjectId table = routine == k_no_object ? k_no_object : objects_at(routine).result_table;
      if (table == k_no_object || !alive(table, at)) return resolved;
      const ObjectRef& name = objects_at(table).ref_at(at);
      resolved.target = find(
          Catalog::NameRef(ObjectKind::column, name.schema, name.name, dependency.result_column),
          at);
    } else if (dependency.call) {
      resolved = resolve_call(effect, dependency, at);
    } else if (dependency.row_type_column) {
      // The type's name is looked up along the path; a table's row type reads its column.
      each_schema(effect, dependency, [&](std::string_view schema) {
        ObjectId type = find_dependency(
            Catalog::NameRef(ObjectKind::type, schema, {}, dependency.object.parent), at);
        if (type == k_no_object) return true;
        ObjectKind kind = objects_at(type).kind();
        if (kind == ObjectKind::table || kind == ObjectKind::foreign_table) {
          Catalog::NameRef column(dependency.object);
          column.schema = schema;
          resolved.target = find(column, at);
          resolved.missing = resolved.target == k_no_object;
        }
        return false;
      });
    } else {
      each_schema(effect, dependency, [&](std::string_view schema) {
        Catalog::NameRef ref(dependency.object);
        ref.schema = schema;
        resolved.target = find_dependency(ref, at);
        return resolved.target == k_no_object;
      });
      resolved.missing = resolved.target == k_no_object;
    }
    if (resolved.missing && !dependency.extension.empty()) {
      resolved.target =
          find(Catalog::NameRef(ObjectKind::extension, {}, {}, dependency.extension), at);
      resolved.missing = resolved.target == k_no_object;
    }
    return resolved;
  }

  // The columns a dependency of a view's query names by what the tables have (all_columns,
  // any_of): none when a table is not there, or when an unqualified name is a column of no table
  // or of several.
  std::vector<ObjectId> columns_read(const Effect& effect, const Dependency& dependency,
                                     Tick at) const {
    std::vector<ObjectId> out;
    auto columns_of = [&](const Dependency& table) {
      std::vector<ObjectId> columns;
      ObjectId id = resolve_dependency(effect, table, at).target;
      if (id == k_no_object) return columns;
      for (ObjectId child : objects_at(id).children) {
        if (objects_at(child).kind() == ObjectKind::column && alive(child, at)) {
          columns.push_back(child);
        }
      }
      return columns;
    };
    if (dependency.all_columns) {
      out = columns_of(dependency);
      if (dependency.shared_with.empty() || out.empty()) return out;
      std::vector<ObjectId> others = columns_of(dependency.shared_with.front());
      std::erase_if(out, [&](ObjectId column) {
        const std::string& name = objects_at(column).ref_at(at).name;
        return std::none_of(others.begin(), others.end(), [&](ObjectId other) {
          return objects_at(other).ref_at(at).name == name;
        });
      });
      return out;
    }
    for (const Dependency& candidate : dependency.any_of) {
      ObjectId column = resolve_dependency(effect, candidate, at).target;
      if (column == k_no_object) continue;
      if (!out.empty()) return {};
      out.push_back(column);
    }
    return out;
  }

  // The primary key constraint of the table a Dependency::grouped names, when its columns are all
  // among the grouped ones; k_no_object otherwise.
  ObjectId grouped_primary_key(const Effect& effect, const Dependency& dependency, Tick at) const {
    ObjectId table = resolve_dependency(effect, dependency, at).target;
    if (table == k_no_object) return k_no_object;
    for (ObjectId child : objects_at(table).children) {
      const CatalogObject& key = objects_at(child);
      if (key.kind() != ObjectKind::constraint || key.contype != 'p' || !alive(child, at)) {
        continue;
      }
      const std::vector<std::string>& grouped = *dependency.grouped;
      bool all = !key.columns.empty() &&
                 std::all_of(key.columns.begin(), key.columns.end(), [&](const std::string& c) {
                   return std::find(grouped.begin(), grouped.end(), c) != grouped.end();
                 });
      return all ? child : k_no_object;
    }
    return k_no_object;
  }

  // A foreign key depends on the unique index of the referenced table that enforces the key it
  // references, as PostgreSQL picks it: the first (oldest) unique index without WHERE or
  // expressions on exactly those columns, in any order; the primary key's when none are named.
  // DROP INDEX (DROP CONSTRAINT of its key) is refused while the foreign key is there. That index,
  // or k_no_object.
  ObjectId key_index(ObjectId table, const std::vector<std::string>& referenced, Tick at) const {
    std::vector<std::string> wanted = referenced;
    std::sort(wanted.begin(), wanted.end());
    for (const auto& edge : objects_at(table).dependents) {
      const CatalogObject& index = objects_at(edge.object);
      if (index.kind() != ObjectKind::index || !alive(edge.object, at) || !index.unique ||
          index.partial) {
        continue;
      }
      bool primary = false;
      for (const auto& owner : index.depends_on) {
        if (objects_at(owner.object).contype == 'p') primary = true;
      }
      std::vector<std::string> have = index.columns;
      std::sort(have.begin(), have.end());
      if (wanted.empty() ? primary : have == wanted) return edge.object;
    }
    return k_no_object;
  }

  void link(ObjectId dependent, ObjectId target, bool automatic, DependencySource source, Tick from,
            std::uint32_t token = 0) {
    objects()[dependent].depends_on.push_back({target, automatic, source, token, from});
    objects()[target].dependents.push_back({dependent, automatic, source, token, from});
  }

  // The id of a token type name in Catalog::tokens(), added when new (ups only).
  std::uint32_t token_id(const std::string& name) {
    auto& tokens = m_catalog.m_tokens;
    auto found = std::find(tokens.begin() + 1, tokens.end(), name);
    if (found == tokens.end()) found = tokens.insert(tokens.end(), name);
    return static_cast<std::uint32_t>(found - tokens.begin());
  }

  // ALTER TEXT SEARCH CONFIGURATION ... MAPPING: the mappings of the token types it names end
  // (ADD, ALTER, DROP MAPPING), or those of the dictionary it replaces (REPLACE, of the token
  // types named when it names any), and the token types map to the new dictionaries. As
  // PostgreSQL, the configuration depends on a dictionary while a token type maps to it.
  void remap(ObjectId config, const Effect& effect, const std::vector<Resolved>& resolved,
             Tick at) {
    constexpr Tick k_open = std::numeric_limits<Tick>::max();
    std::vector<std::uint32_t> named;
    for (const std::string& token : effect.columns) named.push_back(token_id(token));
    auto is_named = [&](std::uint32_t token) {
      return token != 0 && std::find(named.begin(), named.end(), token) != named.end();
    };
    bool replace = false;
    ObjectId old = k_no_object;
    for (std::size_t k = 0; k < effect.depends_on.size(); ++k) {
      if (effect.depends_on[k].source != DependencySource::statement) continue;
      replace = true;
      old = resolved[k].target;
    }
    // The token types the new dictionaries take.
    std::vector<std::uint32_t> tokens;
    if (!replace) {
      tokens = named;
    } else if (old == k_no_object) {
      // PostgreSQL's own dictionary: which token types map to it, sqlgate does not know.
      tokens = named.empty() ? std::vector<std::uint32_t>{0} : named;
    }
    for (DependencyEdge& edge : objects()[config].depends_on) {
      if (edge.source != DependencySource::mapping || edge.to != k_open) continue;
      bool ends = replace ? old != k_no_object && edge.object == old &&
                                (named.empty() || is_named(edge.token))
                          : is_named(edge.token);
      if (!ends) continue;
      edge.to = at;
      for (DependencyEdge& back : objects()[edge.object].dependents) {
        if (back.object == config && back.source == DependencySource::mapping &&
            back.token == edge.token && back.to == k_open) {
          back.to = at;
        }
      }
      if (replace) tokens.push_back(edge.token);
    }
    for (std::size_t k = 0; k < effect.depends_on.size(); ++k) {
      if (effect.depends_on[k].source != DependencySource::mapping) continue;
      ObjectId dictionary = resolved[k].target;
      if (dictionary == k_no_object) continue;
      for (std::uint32_t token : tokens) {
        link(config, dictionary, false, DependencySource::mapping, at, token);
      }
    }
  }

  // Ends the dependencies of one source an object has (its default's, when SET DEFAULT replaces
  // it).
  // ALTER SEQUENCE ... OWNED BY (a column, or NONE) replaces the sequence's owner.
  static bool sets_owner(const Effect& effect) {
    return effect.object.kind == ObjectKind::sequence &&
           effect.change == Change::sequence_options &&
           std::find(effect.columns.begin(), effect.columns.end(), "owned_by") !=
               effect.columns.end();
  }

  // Ends a sequence's ownership by a column: from `at` on, dropping that column (or its table)
  // no longer drops the sequence.
  void disown(ObjectId sequence, Tick at) {
    constexpr Tick k_open = std::numeric_limits<Tick>::max();
    for (auto& edge : objects()[sequence].depends_on) {
      if (!edge.automatic || edge.to != k_open ||
          objects()[edge.object].kind() != ObjectKind::column) {
        continue;
      }
      edge.to = at;
      for (auto& back : objects()[edge.object].dependents) {
        if (back.object == sequence && back.automatic && back.to == k_open) back.to = at;
      }
    }
  }

  // A default written as a string constant is stored as a constant of the column's type ('open'
  // as 'open'::ticket_status), and depends on that type too. ALTER COLUMN ... TYPE keeps it (it
  // casts the old default to the new type), until SET or DROP DEFAULT replaces it. Not for a
  // domain: its coercion is implicit, and ALTER COLUMN ... TYPE strips it.
  void default_type_dependency(ObjectId column, Tick at) {
    if (objects()[column].kind() != ObjectKind::column) return;
    std::vector<ObjectId> types;
    for (const auto& edge : objects()[column].depends_on) {
      ObjectKind kind = objects()[edge.object].kind();
      if (edge.source == DependencySource::type && edge.to == std::numeric_limits<Tick>::max() &&
          (kind == ObjectKind::type || kind == ObjectKind::extension)) {
        types.push_back(edge.object);
      }
    }
    for (ObjectId type : types) link(column, type, false, DependencySource::default_value, at);
  }

  // With a token, only the edges of that token end.
  void unlink(ObjectId dependent, DependencySource source, Tick at, std::uint32_t token = 0) {
    end_edges(dependent, at, [&](const DependencyEdge& edge) {
      return edge.source == source && (token == 0 || edge.token == token);
    });
  }

  // Ends at a tick the edges of a dependent still open that `ends` picks, both halves of each.
  template <typename Ends>
  void end_edges(ObjectId dependent, Tick at, const Ends& ends) {
    constexpr Tick k_open = std::numeric_limits<Tick>::max();
    for (auto& edge : objects()[dependent].depends_on) {
      if (edge.to != k_open || !ends(edge)) continue;
      edge.to = at;
      for (auto& back : objects()[edge.object].dependents) {
        if (back.object == dependent && back.source == edge.source && back.token == edge.token &&
            back.to == k_open) {
          back.to = at;
        }
      }
    }
  }

  // Whether the ALTER TABLE detaches the partition from the table it is a partition of (a DETACH
  // from another table fails, and changes nothing).
  bool detaches(const Statement* statement, ObjectId partition, ObjectId parent, Tick at) const {
    if (statement == nullptr || !statement->node.is("AlterTableStmt") || parent == k_no_object ||
        truncate_identifier(relation_name(statement->node.get("relation")).name) !=
            objects_at(parent).ref_at(at).name) {
      return false;
    }
    for (Node command : statement->node.list("cmds")) {
      if (command.str("subtype") == "AT_DetachPartition" &&
          truncate_identifier(relation_name(command.get("def").get("name")).name) ==
              objects_at(partition).ref_at(at).name) {
        return true;
      }
    }
    return false;
  }

  // DETACH PARTITION: the partition no longer goes with its parent.
  void detach_partition(ObjectId partition, const Origin& origin, Tick at) {
    ObjectId parent = partition_parent(partition, at);
    if (!detaches(statement_at(m_project, origin), partition, parent, at)) return;
    auto end = [&](std::vector<DependencyEdge>& edges, ObjectId other) {
      for (auto& edge : edges) {
        if (edge.object == other && edge.automatic && edge.alive_at(at)) edge.to = at;
      }
    };
    end(objects()[partition].depends_on, parent);
    end(objects()[parent].dependents, partition);
  }

  bool name_taken(const std::string& schema, const std::string& name, bool relations,
                  bool constraints, Tick at) const {
    std::uint64_t hash = schema_hash(schema, name);
    auto check = [&](const Catalog::NameIndex& index) {
      for (auto link = index.first(hash); link != Catalog::NameIndex::k_end;
           link = index.next(link)) {
        ObjectId id = index.id(link);
        const CatalogObject& object = m_catalog.m_objects[id];
        const ObjectRef& current = object.ref_at(at);
        if (alive(id, at) && current.schema == schema && current.name == name) return true;
      }
      return false;
    };
    return (relations && check(m_catalog.m_relation_names)) ||
           (constraints && check(m_catalog.m_constraint_names));
  }

  void index_name(ObjectId id, const ObjectRef& ref) {
    if (ref.schema == k_temporary) m_has_temporary = true;
    // Under each name once, where it first had it.
    const auto& names = objects()[id].names;
    for (std::size_t i = 0; i + 1 < names.size(); ++i) {
      const ObjectRef& earlier = names[i].ref;
      if (earlier.kind == ref.kind && earlier.name == ref.name && earlier.schema == ref.schema &&
          earlier.parent == ref.parent) {
        return;
      }
    }
    std::uint64_t parts = parts_hash(ref.schema, ref.parent, ref.name);
    m_catalog.m_by_name.add(name_hash(parts, ref.kind), id);
    m_catalog.m_kinds[static_cast<std::size_t>(ref.kind)] = true;
    if (is_relation(ref.kind)) {
      // A relation has no parent: its parts hash is the hash of its schema and name.
      m_catalog.m_relation_names.add(ref.parent.empty() ? parts : schema_hash(ref.schema, ref.name),
                                     id);
    } else if (ref.kind == ObjectKind::constraint) {
      m_catalog.m_constraint_names.add(schema_hash(ref.schema, ref.name), id);
    }
  }

  // The object's columns follow later renames; the step keeps them as the statement named them.
  ObjectId create(Effect& effect, const Origin& origin, CatalogStep& step) {
    ObjectId id = objects().size();
    CatalogObject& object = objects().emplace_back();
    CatalogObject::Name& name = object.names.emplace_back();
    name.ref = effect.object;
    name.from = origin.tick;
    object.created = origin;
    object.uses = effect.uses.empty() ? effect.columns : effect.uses;
    object.columns = effect.columns;
    object.unique = effect.unique;
    object.partial = effect.partial;
    object.partitioned = effect.partitioned;
    object.contype = effect.contype;
    object.implicit = effect.implicit;
    object.optional_args = effect.optional_args;
    object.variadic = effect.variadic;
    object.all_args = effect.all_args;
    index_name(id, effect.object);
    if (has_parent(effect.object.kind)) {
      Catalog::NameRef parent(ObjectKind::table, effect.object.schema, {}, effect.object.parent);
      ObjectId parent_id = find(parent, origin.tick);
      if (parent_id == k_no_object && effect.object.kind == ObjectKind::constraint) {
        parent.kind = ObjectKind::domain;
        parent_id = find(parent, origin.tick);
      }
      if (parent_id != k_no_object) {
        objects()[id].parent = parent_id;
        objects()[parent_id].children.push_back(id);
      } else {
        ObjectRef missing;
        missing.kind = ObjectKind::table;
        missing.schema = effect.object.schema;
        missing.name = effect.object.parent;
        step.missing.push_back(std::move(missing));
      }
    }
    // Objects of a schema the migrations created depend on it: DROP SCHEMA refuses while they
    // are there, and takes them with CASCADE.
    if (!effect.object.schema.empty() && effect.object.kind != ObjectKind::schema &&
        !has_parent(effect.object.kind)) {
      ObjectId target =
          find(Catalog::NameRef(ObjectKind::schema, {}, {}, effect.object.schema), origin.tick);
      if (target != k_no_object) link(id, target, false, DependencySource::definition, origin.tick);
    }
    link_dependencies(id, effect, origin, step);
    define_rule(id, effect, origin.tick);
    return id;
  }

  // CREATE TABLE ... (LIKE source INCLUDING DEFAULTS): the copied defaults use what the
  // source's use. A nextval() of a sequence among them (a serial's, owned by the source's column)
  // makes the new table depend on the sequence: DROP SEQUENCE, and DROP TABLE of the source
  // (which takes its owned sequence along), are refused while it is there.
  void copied_default_dependencies(ObjectId table, const Effect& effect,
                                   const Dependency& dependency, Tick at) {
    ObjectId source = resolve_dependency(effect, dependency, at).target;
    if (source == k_no_object) return;
    std::vector<std::pair<ObjectId, std::string>> sequences;  // with the column's name
    for (ObjectId column : objects_at(source).children) {
      if (objects_at(column).kind() != ObjectKind::column || !alive(column, at)) continue;
      for (const auto& edge : objects_at(column).depends_on) {
        if (edge.source == DependencySource::default_value && edge.alive_at(at) &&
            objects_at(edge.object).kind() == ObjectKind::sequence) {
          sequences.emplace_back(edge.object, objects_at(column).ref_at(at).name);
        }
      }
    }
    for (const auto& [sequence, column] : sequences) {
      link(table, sequence, false, DependencySource::default_value, at, token_id(column));
    }
  }

  // SET DEFAULT, DROP DEFAULT or DROP COLUMN of a column of a table: the default LIKE copied
  // into that column (an edge of the table, see copied_default_dependencies) ends.
  void end_copied_default(const Effect& effect, Tick at) {
    if (effect.object.kind != ObjectKind::column || effect.object.parent.empty() ||
        !(effect.action == Action::drop ||
          (effect.action == Action::alter &&
           (effect.change == Change::set_default || effect.change == Change::drop_default)))) {
      return;
    }
    ObjectRef ref = effect.object;
    ref.kind = ObjectKind::table;
    ref.name = ref.parent;
    ref.parent.clear();
    ObjectId table = resolve_as(effect, ref, at);
    const auto& names = m_catalog.m_tokens;
    auto named = std::find(names.begin() + 1, names.end(), effect.object.name);
    if (table == k_no_object || named == names.end()) return;
    auto token = static_cast<std::uint32_t>(named - names.begin());
    unlink(table, DependencySource::default_value, at, token);
  }

  // Whether a create is a CREATE OR REPLACE that defines the existing object again (a view,
  // routine, trigger or rule); PostgreSQL refuses one over an object of another kind.
  bool redefines(const Effect& effect, ObjectId existing) const {
    return effect.or_replace && existing != k_no_object &&
           objects_at(existing).kind() == effect.object.kind;
  }

  // Whether an edge of the object is one its definition made: all but the one to its schema.
  bool defined(const DependencyEdge& edge) const {
    return objects_at(edge.object).kind() != ObjectKind::schema;
  }

  // CREATE OR REPLACE of an existing view, routine, trigger or rule: PostgreSQL deletes what the
  // old definition depended on and records what the new one does (the schema it is in stays).
  void redefine(ObjectId id, const Effect& effect, const Origin& origin, CatalogStep& step) {
    end_edges(id, origin.tick, [&](const DependencyEdge& edge) { return defined(edge); });
    link_dependencies(id, effect, origin, step);
    define_rule(id, effect, origin.tick);
  }

  // The dependencies of the object a create (or a CREATE OR REPLACE, redefine()) defines.
  void link_dependencies(ObjectId id, const Effect& effect, const Origin& origin,
                         CatalogStep& step) {
    Tick at = origin.tick;
    each_dependency(
        id, effect, at, step,
        [&](ObjectId dependent, ObjectId target, bool automatic, DependencySource source) {
          link(dependent, target, automatic, source, at);
        });
  }

  // The dependencies a create (or CREATE OR REPLACE) of object id makes at a tick, each given to
  // add(dependent, target, automatic, source); those that name nothing go to step.missing.
  template <typename Add>
  void each_dependency(ObjectId id, const Effect& effect, Tick at, CatalogStep& step,
                       const Add& add) {
    for (const auto& dependency : effect.depends_on) {
      if (dependency.reverse) {
        ObjectId dependent = find(dependency.object, at);
        if (dependent != k_no_object) add(dependent, id, dependency.automatic, dependency.source);
        continue;
      }
      if (dependency.copies_defaults) {
        // CREATE TABLE, which has no OR REPLACE: only the replay of the ups gets here.
        if (m_down == nullptr) copied_default_dependencies(id, effect, dependency, at);
        continue;
      }
      if (dependency.all_columns || !dependency.any_of.empty()) {
        for (ObjectId column : columns_read(effect, dependency, at)) {
          add(id, column, false, dependency.source);
        }
        continue;
      }
      if (dependency.grouped) {
        ObjectId key = grouped_primary_key(effect, dependency, at);
        if (key != k_no_object) add(id, key, false, dependency.source);
        continue;
      }
      Resolved resolved = resolve_dependency(effect, dependency, at);
      ObjectId target = resolved.target;
      if (target == k_no_object) {
        bool is_parent = has_parent(effect.object.kind) && dependency.automatic &&
                         dependency.object.name == effect.object.parent &&
                         dependency.object.schema == effect.object.schema;
        if (resolved.missing && !is_parent) step.missing.push_back(dependency.object);
        continue;
      }
      if (dependency.result && objects()[target].kind() == ObjectKind::table) {
        objects()[id].result_table = target;
      }
      if (dependency.source == DependencySource::statement) continue;
      if (target == objects_at(id).parent && dependency.automatic) continue;
      add(id, target, dependency.automatic, dependency.source);
      if (effect.contype == 'f' && !dependency.automatic) {
        ObjectId index = key_index(target, effect.referenced, at);
        if (index != k_no_object) add(id, index, false, DependencySource::definition);
      }
    }
  }

  // A rule's definition from a tick on: what it does, and the tables its actions write.
  void define_rule(ObjectId id, const Effect& effect, Tick at) {
    if (!effect.rule) return;
    RuleDefinition definition{at, effect.rule, {}};
    for (const RuleAction& action : effect.rule->actions) {
      ObjectId written = k_no_object;
      if (!action.table.name.empty()) {
        Dependency table;
        table.object = action.table;
        table.schema_given = action.schema_given;
        written = resolve_dependency(effect, table, at).target;
      }
      definition.writes.push_back(written);
    }
    objects()[id].rule.push_back(std::move(definition));
  }

  // Everything a drop takes with it, in the order PostgreSQL would go.
  void collect(ObjectId id, bool cascade, Tick at, std::vector<ObjectId>& taken,
               Marks& seen) const {
    const auto& all = m_catalog.m_objects;
    auto visit = [&](ObjectId other) {
      if (seen.count(other) || !alive(other, at)) return;
      // DROP SCHEMA after the down moved the object out of it (SET SCHEMA): it stays.
      if (moved_out(other, id, at)) return;
      seen.insert(other);
      taken.push_back(other);
      collect(other, cascade, at, taken, seen);
    };
    const CatalogObject& object = all[id];
    for (ObjectId child : object.children) visit(child);
    for (const auto& edge : object.dependents) {
      if (!edge.alive_at(at)) continue;
      if (m_down != nullptr && !m_down->holds(edge.object, object.kind())) continue;
      // CASCADE takes a default that uses the object, not its column; an attribute of a
      // composite type, not the type.
      if (edge.automatic || (cascade && edge.source != DependencySource::default_value &&
                             edge.source != DependencySource::attribute)) {
        visit(edge.object);
      }
    }
    if (m_down != nullptr) {
      // What the down defined again to depend on it.
      for (const DownState::Redefinition& redefined : m_down->redefined) {
        for (const DownState::Use& use : redefined.uses) {
          if (use.target == id && (use.automatic || cascade)) visit(redefined.id);
        }
      }
    }
    if (object.kind() == ObjectKind::column && object.parent != k_no_object) {
      // DROP COLUMN takes the indexes and constraints of its table that use the column.
      const std::string& column = object.ref_at(at).name;
      const CatalogObject& table = all[object.parent];
      auto uses = [&](ObjectId other) {
        const auto& columns = all[other].uses;
        return std::find(columns.begin(), columns.end(), column) != columns.end();
      };
      for (ObjectId sibling : table.children) {
        if (all[sibling].kind() == ObjectKind::constraint && uses(sibling)) visit(sibling);
      }
      // And its statistics objects that cover the column.
      for (const auto& edge : table.dependents) {
        ObjectKind kind = all[edge.object].kind();
        if ((kind == ObjectKind::index || kind == ObjectKind::statistics) && uses(edge.object)) {
          visit(edge.object);
        }
      }
    }
  }

  // In a down: whether a token type of a text search configuration maps to the dictionary once
  // the down's ALTER ... MAPPING statements so far have run, from the mappings after the up.
  bool down_maps(ObjectId config, ObjectId dictionary, Tick at) const {
    const auto& names = m_catalog.m_tokens;
    std::vector<std::uint32_t> tokens;  // indexes into names, and past them the down's own
    std::vector<std::string> extra;
    auto add = [&](std::uint32_t token) {
      if (std::find(tokens.begin(), tokens.end(), token) == tokens.end()) tokens.push_back(token);
    };
    for (const DependencyEdge& edge : objects_at(config).depends_on) {
      if (edge.source == DependencySource::mapping && edge.alive_at(at)) add(edge.token);
    }
    for (const DownState::Remap& remap : m_down->remaps) {
      if (remap.config != config) continue;
      if (remap.replace && remap.old == k_no_object && remap.tokens.empty()) add(0);
      for (const std::string& name : remap.tokens) {
        auto found = std::find(names.begin() + 1, names.end(), name);
        if (found != names.end()) {
          add(static_cast<std::uint32_t>(found - names.begin()));
        } else if (std::find(extra.begin(), extra.end(), name) == extra.end()) {
          extra.push_back(name);
          add(static_cast<std::uint32_t>(names.size() + extra.size() - 1));
        }
      }
    }
    auto name_of = [&](std::uint32_t token) -> const std::string& {
      return token < names.size() ? names[token] : extra[token - names.size()];
    };
    for (std::uint32_t token : tokens) {
      std::vector<ObjectId> mapped;
      for (const DependencyEdge& edge : objects_at(config).depends_on) {
        if (edge.source == DependencySource::mapping && edge.token == token && edge.alive_at(at)) {
          mapped.push_back(edge.object);
        }
      }
      for (const DownState::Remap& remap : m_down->remaps) {
        if (remap.config != config) continue;
        bool named = token != 0 && std::find(remap.tokens.begin(), remap.tokens.end(),
                                             name_of(token)) != remap.tokens.end();
        if (!remap.replace) {
          if (named) mapped = remap.dictionaries;
        } else if (remap.old == k_no_object) {
          // PostgreSQL's own dictionary replaced: which token types map to it, sqlgate does not
          // know; those named (or those it cannot name) may.
          if (remap.tokens.empty() ? token == 0 : named) {
            mapped.insert(mapped.end(), remap.dictionaries.begin(), remap.dictionaries.end());
          }
        } else if ((remap.tokens.empty() || named) && std::erase(mapped, remap.old) != 0) {
          mapped.insert(mapped.end(), remap.dictionaries.begin(), remap.dictionaries.end());
        }
      }
      if (std::find(mapped.begin(), mapped.end(), dictionary) != mapped.end()) return true;
    }
    return false;
  }

  // The partitioned table a partition belongs to at a tick (k_no_object for other objects, and
  // for a partition the down has detached).
  ObjectId partition_parent(ObjectId id, Tick at) const {
    // A partition is a table: an index or a constraint of the partitioned table is not one.
    if (objects_at(id).kind() != ObjectKind::table) return k_no_object;
    if (m_down != nullptr && m_down->detached.count(id) != 0) return k_no_object;
    for (const DependencyEdge& edge : objects_at(id).depends_on) {
      const CatalogObject& parent = objects_at(edge.object);
      if (edge.automatic && edge.alive_at(at) && parent.kind() == ObjectKind::table &&
          parent.partitioned && alive(edge.object, at)) {
        return edge.object;
      }
    }
    return k_no_object;
  }

  // A foreign key that references a partitioned table depends on each of its partitions, at every
  // level (PostgreSQL 12+: "constraint f on table t depends on table p_2025"): DROP TABLE of a
  // partition is refused while it is there (DETACH PARTITION first).
  template <class Block>
  void referenced_partition_blockers(ObjectId id, Tick at, Block&& block) const {
    std::size_t depth = 0;
    for (ObjectId up = partition_parent(id, at); up != k_no_object && depth < 32;
         up = partition_parent(up, at), ++depth) {
      for (const DependencyEdge& edge : objects_at(up).dependents) {
        const CatalogObject& key = objects_at(edge.object);
        if (edge.automatic || !edge.alive_at(at) || key.kind() != ObjectKind::constraint ||
            key.contype != 'f' || m_seen.count(edge.object) || m_together.count(edge.object) ||
            !alive(edge.object, at)) {
          continue;
        }
        block(edge.object);
      }
    }
  }

  // In a down: whether the down has moved the object (or the table whose column owns it, a
  // serial's sequence) out of the schema being dropped with SET SCHEMA.
  bool moved_out(ObjectId object, ObjectId schema, Tick at) const {
    if (m_down == nullptr || m_down->moved.empty() ||
        objects_at(schema).kind() != ObjectKind::schema) {
      return false;
    }
    const std::string& name = objects_at(schema).ref_at(at).name;
    auto away = [&](ObjectId id) {
      auto found = m_down->moved.find(id);
      return found != m_down->moved.end() && found->second != name;
    };
    if (away(object)) return true;
    for (const DependencyEdge& edge : objects_at(object).depends_on) {
      if (!edge.automatic || !edge.alive_at(at)) continue;
      ObjectId owner = objects_at(edge.object).parent;
      if (away(edge.object) || (owner != k_no_object && away(owner))) return true;
    }
    return false;
  }

  // DROP SCHEMA s CASCADE of a schema no migration made (public, which every database has, or one
  // made outside the migrations): it takes what the migrations made in it, and what depends on
  // that ("drop cascades to table customers"). Whether this is such a drop.
  static bool drops_unknown_schema(const Effect& effect) {
    return effect.action == Action::drop && effect.cascade &&
           effect.object.kind == ObjectKind::schema && !effect.object.name.empty();
  }
  void drop_schema_members(const std::string& schema, Tick at, CatalogStep& step) {
    m_seen.clear();
    const auto& all = m_catalog.m_objects;
    for (ObjectId id = 0; id < all.size(); ++id) {
      ObjectKind kind = all[id].kind();
      if (kind == ObjectKind::schema || has_parent(kind) || m_seen.count(id) || !alive(id, at)) {
        continue;
      }
      std::string_view in = all[id].ref_at(at).schema;
      if (m_down != nullptr) {
        if (auto moved = m_down->moved.find(id); moved != m_down->moved.end()) in = moved->second;
      }
      if (in != schema) continue;
      m_seen.insert(id);
      step.implied.push_back(id);
      collect(id, true, at, step.implied, m_seen);
    }
  }

  void drop(ObjectId id, const Effect& effect, Tick at, CatalogStep& step) {
    m_seen.clear();
    m_seen.insert(id);
    collect(id, effect.cascade, at, step.implied, m_seen);
    if (!effect.cascade) {
      std::vector<ObjectId> all = step.implied;
      all.push_back(id);
      auto block = [&](ObjectId blocker) {
        if (std::find(step.blockers.begin(), step.blockers.end(), blocker) == step.blockers.end()) {
          step.blockers.push_back(blocker);
        }
      };
      // The configurations whose mappings the down changed: judged on what they map now.
      auto remapped = [&](ObjectId config) {
        return m_down != nullptr &&
               std::any_of(m_down->remaps.begin(), m_down->remaps.end(),
                           [&](const DownState::Remap& remap) { return remap.config == config; });
      };
      referenced_partition_blockers(id, at, block);
      for (ObjectId member : all) {
        for (const auto& edge : m_catalog.m_objects[member].dependents) {
          if (edge.automatic || !edge.alive_at(at) || m_seen.count(edge.object) ||
              !alive(edge.object, at)) {
            continue;
          }
          // DROP a, b: PostgreSQL drops the objects of one statement together.
          if (m_together.count(edge.object)) continue;
          // The down changed the column's type or default already: the old ones are gone.
          if (m_down != nullptr &&
              ((edge.source == DependencySource::type && m_down->retyped.count(edge.object) != 0) ||
               (edge.source == DependencySource::default_value &&
                m_down->undefaulted.count(edge.object) != 0) ||
               (edge.source == DependencySource::policy_using &&
                m_down->new_using.count(edge.object) != 0) ||
               (edge.source == DependencySource::policy_check &&
                m_down->new_check.count(edge.object) != 0))) {
            continue;
          }
          if (edge.source == DependencySource::mapping && remapped(edge.object)) continue;
          if (moved_out(edge.object, member, at)) continue;
          if (m_down != nullptr && !m_down->holds(edge.object, objects_at(member).kind())) continue;
          block(edge.object);
        }
        if (m_down != nullptr) {
          // What the down defined again to depend on it.
          for (const DownState::Redefinition& redefined : m_down->redefined) {
            if (m_seen.count(redefined.id) || m_together.count(redefined.id) ||
                !alive(redefined.id, at)) {
              continue;
            }
            for (const DownState::Use& use : redefined.uses) {
              if (use.target == member && !use.automatic) block(redefined.id);
            }
          }
        }
        if (m_down == nullptr || objects_at(member).kind() != ObjectKind::text_search_dictionary) {
          continue;
        }
        for (const DownState::Remap& remap : m_down->remaps) {
          ObjectId config = remap.config;
          if (m_seen.count(config) || m_together.count(config) || !alive(config, at)) continue;
          if (down_maps(config, member, at)) block(config);
        }
      }
    }
  }

  // ALTER TABLE ... OWNER TO gives the sequences its columns own (serial, identity, OWNED BY)
  // to the new owner too: the statement changes them as well.
  void give_owned_sequences(ObjectId table, const Origin& origin, Tick at) {
    for (ObjectId column : objects()[table].children) {
      if (objects()[column].kind() != ObjectKind::column || !alive(column, at)) continue;
      for (const DependencyEdge& edge : objects()[column].dependents) {
        if (edge.automatic && edge.alive_at(at) &&
            objects()[edge.object].kind() == ObjectKind::sequence && alive(edge.object, at)) {
          objects()[edge.object].changed.push_back(origin);
        }
      }
    }
  }

  // The sequences that go with a column when it drops its identity (its owned sequences).
  void identity_sequences(ObjectId column, Tick at, std::vector<ObjectId>& out) const {
    for (const DependencyEdge& edge : m_catalog.m_objects[column].dependents) {
      const CatalogObject& object = m_catalog.m_objects[edge.object];
      if (edge.automatic && object.kind() == ObjectKind::sequence && alive(edge.object, at)) {
        out.push_back(edge.object);
      }
    }
  }

  void end_life(ObjectId id, const Origin& origin) {
    CatalogObject& object = objects()[id];
    object.names.back().to = origin.tick;
    object.dropped = origin;
  }

  // A primary key, unique or exclusion constraint and its index share a name: ALTER TABLE ...
  // RENAME CONSTRAINT renames the index too, ALTER INDEX ... RENAME the constraint.
  void rename_key_partner(ObjectId id, const std::string& name, const Origin& origin) {
    Tick at = origin.tick;
    ObjectId partner = m_catalog.key_partner(id, at);
    if (partner == k_no_object) return;
    ObjectRef moved = objects()[partner].ref_at(at);
    moved.name = name;
    CatalogObject& object = objects()[partner];
    object.names.back().to = at;
    object.names.push_back({moved, at});
    object.changed.push_back(origin);  // the statement that renamed it
    index_name(partner, moved);
  }

  // SET SCHEMA: the object no longer depends on the schema it leaves, and now on the one it
  // enters, when the migrations created it (DROP SCHEMA refuses while it is there).
  void reschema(ObjectId id, const std::string& schema, Tick at) {
    ObjectKind kind = objects()[id].kind();
    if (kind == ObjectKind::schema || has_parent(kind)) return;
    for (DependencyEdge& edge : objects()[id].depends_on) {
      if (edge.source != DependencySource::definition || !edge.alive_at(at) ||
          objects()[edge.object].kind() != ObjectKind::schema) {
        continue;
      }
      edge.to = at;
      for (DependencyEdge& back : objects()[edge.object].dependents) {
        if (back.object == id && back.source == edge.source && back.alive_at(at)) back.to = at;
      }
    }
    ObjectId target = find(Catalog::NameRef(ObjectKind::schema, {}, {}, schema), at);
    if (target != k_no_object) link(id, target, false, DependencySource::definition, at);
  }

  // ALTER TABLE ... SET SCHEMA moves the table's indexes and the sequences it owns (serial,
  // identity, OWNED BY one of its columns) with it; its constraints and triggers are its
  // children, moved with their parent.
  std::vector<ObjectId> moved_along(ObjectId table, Tick at) const {
    std::vector<ObjectId> along;
    auto take = [&](ObjectId owner) {
      for (const DependencyEdge& edge : objects_at(owner).dependents) {
        ObjectKind kind = objects_at(edge.object).kind();
        if (edge.automatic && alive(edge.object, at) &&
            (kind == ObjectKind::index || kind == ObjectKind::sequence) &&
            std::find(along.begin(), along.end(), edge.object) == along.end()) {
          along.push_back(edge.object);
        }
      }
    };
    take(table);
    for (ObjectId child : objects_at(table).children) {
      if (objects_at(child).kind() == ObjectKind::column && alive(child, at)) take(child);
    }
    return along;
  }

  template <typename Move>
  void move_along(ObjectId table, const std::string& schema, const Origin& origin,
                  const Move& move) {
    Tick at = origin.tick;
    for (ObjectId other : moved_along(table, at)) {
      ObjectRef moved = objects()[other].ref_at(at);
      if (moved.schema == schema) continue;
      moved.schema = schema;
      move(other, moved);
      reschema(other, schema, at);
      objects()[other].changed.push_back(origin);  // the statement that moved it
    }
  }

  void rename(ObjectId id, const Effect& effect, const ObjectRef& old_ref, const Origin& origin) {
    ObjectRef next = old_ref;
    next.name = effect.new_name.empty() ? old_ref.name : effect.new_name;
    // ALTER EXTENSION ... SET SCHEMA moves the extension's members: the extension itself is in
    // no schema and keeps being found by its name alone.
    if (!effect.new_schema.empty() && old_ref.kind != ObjectKind::extension) {
      next.schema = effect.new_schema;
    }
    auto move = [&](ObjectId target, const ObjectRef& ref) {
      CatalogObject& object = objects()[target];
      object.names.back().to = origin.tick;
      object.names.push_back({ref, origin.tick});
      index_name(target, ref);
    };
    const ObjectRef current = objects()[id].ref_at(origin.tick);
    next.args = current.args;
    move(id, next);
    if (current.schema != next.schema) reschema(id, next.schema, origin.tick);
    objects()[id].changed.push_back(origin);
    const CatalogObject& object = objects()[id];
    if (object.kind() == ObjectKind::schema && current.name != next.name) {
      // ALTER SCHEMA ... RENAME TO: every object of the schema moves with it (a table's columns,
      // indexes and constraints among them, named in its schema too).
      for (ObjectId other = 0; other < objects().size(); ++other) {
        if (other == id || !objects()[other].alive_at(origin.tick)) continue;
        ObjectRef moved = objects()[other].ref_at(origin.tick);
        if (moved.schema != current.name) continue;
        moved.schema = next.name;
        move(other, moved);
      }
    }
    if (object.kind() == ObjectKind::column && object.parent != k_no_object) {
      // Constraints and indexes name their columns: follow the rename.
      CatalogObject& table = objects()[object.parent];
      auto follow = [&](ObjectId other) {
        for (auto* list : {&objects()[other].columns, &objects()[other].uses}) {
          for (auto& column : *list) {
            if (column == current.name) column = next.name;
          }
        }
      };
      for (ObjectId sibling : table.children) follow(sibling);
      for (const auto& edge : table.dependents) follow(edge.object);
    }
    if (current.name != next.name) rename_key_partner(id, next.name, origin);
    if (current.schema != next.schema && is_relation(object.kind())) {
      move_along(id, next.schema, origin, move);
    }
    if (current.name != next.name || current.schema != next.schema) {
      for (ObjectId child : std::vector<ObjectId>(objects()[id].children)) {
        if (!objects()[child].alive_at(origin.tick)) continue;
        ObjectRef moved = objects()[child].ref_at(origin.tick);
        moved.parent = next.name;
        moved.schema = next.schema;
        move(child, moved);
      }
    }
  }

  void apply(Effect&& input, const Origin& origin, CatalogStep& step) {
    step.effect = std::move(input);
    step.tick = origin.tick;
    Effect& effect = step.effect;
    Tick at = origin.tick;
    if (effect.action == Action::create) {
      ObjectId existing = find(effect.object, at);
      if (existing != k_no_object) {
        step.object = existing;
        step.existed = true;
        if (effect.or_replace) objects()[existing].changed.push_back(origin);
        if (redefines(effect, existing)) redefine(existing, effect, origin, step);
        return;
      }
      step.object = create(effect, origin, step);
      if (effect.literal_default && step.object != k_no_object) {
        default_type_dependency(step.object, origin.tick);
      }
      return;
    }
    ObjectId id = resolve(effect, effect.object, at);
    step.object = id;
    step.existed = id != k_no_object;
    step.ambiguous = id == k_no_object && ambiguous(effect, at);
    std::vector<Resolved> resolved;
    if (effect.action == Action::use || effect.action == Action::alter) {
      for (const auto& dependency : effect.depends_on) {
        resolved.push_back(resolve_dependency(effect, dependency, at));
        if (resolved.back().missing) step.missing.push_back(dependency.object);
      }
    }
    end_copied_default(effect, at);
    if (id == k_no_object && drops_unknown_schema(effect)) {
      drop_schema_members(effect.object.name, at, step);
      for (ObjectId taken : step.implied) end_life(taken, origin);
      return;
    }
    if (id == k_no_object) return;
    switch (effect.action) {
      case Action::drop: {
        drop(id, effect, at, step);
        end_life(id, origin);
        for (ObjectId taken : step.implied) end_life(taken, origin);
        break;
      }
      case Action::rename:
        rename(id, effect, objects()[id].ref_at(at), origin);
        break;
      case Action::alter:
      case Action::use:
        // The analysis of the body of the routine the statement makes changes nothing, nor
        // does a CALL.
        if (effect.change == Change::body || effect.change == Change::call) break;
        objects()[id].changed.push_back(origin);
        if (effect.change == Change::owner) give_owned_sequences(id, origin, at);
        if (effect.change == Change::drop_identity) {
          identity_sequences(id, at, step.implied);
          for (ObjectId sequence : step.implied) end_life(sequence, origin);
        }
        // SET DEFAULT, DROP DEFAULT, ALTER COLUMN ... TYPE: the old default's (type's)
        // dependencies end here, the new one's start.
        if (effect.change == Change::set_default || effect.change == Change::drop_default) {
          unlink(id, DependencySource::default_value, at);
          if (effect.literal_default) default_type_dependency(id, at);
        } else if (effect.change == Change::set_type) {
          unlink(id, DependencySource::type, at);
        } else if (effect.change == Change::detach_partition) {
          detach_partition(id, origin, at);
        }
        for (DependencySource source : policy_expressions_set(effect)) unlink(id, source, at);
        if (sets_owner(effect)) disown(id, at);
        if (remaps(effect)) remap(id, effect, resolved, at);
        for (std::size_t k = 0; k < effect.depends_on.size(); ++k) {
          const Dependency& dependency = effect.depends_on[k];
          if (dependency.source == DependencySource::mapping) continue;  // remap()
          if (dependency.automatic) {
            // ALTER SEQUENCE ... OWNED BY: the sequence now goes with its table.
            ObjectId target = find(dependency.object, at);
            if (target != k_no_object) link(id, target, true, dependency.source, at);
          } else if (resolved[k].target != k_no_object &&
                     dependency.source != DependencySource::statement) {
            link(id, resolved[k].target, false, dependency.source, at);
          }
        }
        break;
      case Action::create:
        break;
    }
  }

  // GRANT / REVOKE ... ON ALL ... IN SCHEMA: one effect per object of that kind the schema holds
  // at the tick, in the order they were made, as PostgreSQL changes each.
  void expand_all_in_schema(std::vector<Effect>& effects, Tick at) const {
    if (std::none_of(effects.begin(), effects.end(),
                     [](const Effect& effect) { return effect.all_in_schema; })) {
      return;
    }
    std::vector<Effect> expanded;
    for (Effect& effect : effects) {
      if (!effect.all_in_schema) {
        expanded.push_back(std::move(effect));
        continue;
      }
      const std::string& which = effect.object.name;
      auto wanted = [&](ObjectKind kind) {
        if (which == "tables") {
          return kind == ObjectKind::table || kind == ObjectKind::foreign_table ||
                 kind == ObjectKind::view || kind == ObjectKind::materialized_view;
        }
        if (which == "sequences") return kind == ObjectKind::sequence;
        if (which == "procedures") return kind == ObjectKind::procedure;
        bool function = kind == ObjectKind::function || kind == ObjectKind::aggregate;
        return function || (which == "routines" && kind == ObjectKind::procedure);
      };
      for (ObjectId id = 0; id < m_catalog.m_objects.size(); ++id) {
        const CatalogObject& object = m_catalog.m_objects[id];
        if (!wanted(object.kind()) || !alive(id, at)) continue;
        ObjectRef ref = object.ref_at(at);
        // In a down: where its SET SCHEMA statements so far have put it.
        if (m_down != nullptr) {
          auto moved = m_down->moved.find(id);
          if (moved != m_down->moved.end()) ref.schema = moved->second;
        }
        if (ref.schema != effect.object.schema) continue;
        Effect& one = expanded.emplace_back(effect);
        one.object = ref;
        one.schema_given = true;
      }
    }
    effects = std::move(expanded);
  }

  ObjectResolver::NameTaken taken_at(const Tick& at) {
    return [this, &at](const std::string& schema, const std::string& name, bool relations,
                       bool constraints) {
      return name_taken(schema, name, relations, constraints, at);
    };
  }

  void replay_up(std::size_t index, const ParsedFile& file) {
    FileReplay& replay = m_catalog.m_files[index];
    replay.replayed = true;
    replay.direction = Direction::up;
    replay.start = ++m_catalog.m_tick;
    m_catalog.m_ups.push_back(index);
    const auto& statements = file.all_statements();
    reserve_steps(index, replay);
    Tick at = 0;
    auto taken = taken_at(at);
    for (std::size_t s = 0; s < statements.size(); ++s) {
      at = ++m_catalog.m_tick;
      std::vector<Effect> effects = effects_of(index, s, *statements[s], taken);
      expand_all_in_schema(effects, at);
      std::vector<ObjectId> targets = drops_of(effects, at);
      // The parts of a create that IF NOT EXISTS skipped (the columns and constraints of a
      // CREATE TABLE whose table exists, those written inline in an ADD COLUMN) are no-ops.
      bool skipping = false;
      for (std::size_t k = 0; k < effects.size(); ++k) {
        Effect& effect = effects[k];
        Tick tick = ++m_catalog.m_tick;
        if (skipping && effect.part) continue;
        skipping = false;
        CatalogStep& step = replay.steps.emplace_back();
        step.statement = s;
        Origin origin{index, s, effect.offset, tick};
        if (targets[k] != k_no_object && !objects()[targets[k]].alive_at(tick)) {
          // Taken already by an earlier object of the same DROP.
          step.effect = std::move(effect);
          step.tick = tick;
          step.object = targets[k];
          step.existed = true;
          continue;
        }
        apply(std::move(effect), origin, step);
        Effect& applied = step.effect;
        // Resolved into the objects' edges; no rule reads them from the step but those of a
        // routine's analyzed body (use-before-create asks how the body wrote a missing name).
        if (applied.change != Change::body) std::vector<Dependency>().swap(applied.depends_on);
        if (applied.action == Action::create && step.existed &&
            (applied.object.kind == ObjectKind::table ||
             applied.object.kind == ObjectKind::column ||
             applied.object.kind == ObjectKind::foreign_table)) {
          skipping = true;
        }
        at = tick + 1;
      }
    }
    replay.end = ++m_catalog.m_tick;
  }

  // A CREATE OR REPLACE in a down (redefine() for the ups): what the new definition depends on.
  void redefine_in_down(DownState& state, ObjectId id, const Effect& effect, Tick at) {
    DownState::Redefinition* found = state.redefinition(id);
    if (found == nullptr) found = &state.redefined.emplace_back(DownState::Redefinition{id, {}});
    std::vector<DownState::Use>& uses = found->uses;
    uses.clear();
    CatalogStep unused;  // a down's creates report no missing dependency
    each_dependency(id, effect, at, unused,
                    [&](ObjectId dependent, ObjectId target, bool automatic, DependencySource) {
                      if (dependent == id) uses.push_back({target, automatic});
                    });
  }

  void replay_down(std::size_t index, const ParsedFile& file, Tick after_up, Tick before_up) {
    FileReplay& replay = m_catalog.m_files[index];
    replay.replayed = true;
    replay.direction = Direction::down;
    replay.start = after_up;
    replay.end = before_up;
    DownState state;
    m_gone.clear();
    m_down = &state;
    const auto& statements = file.all_statements();
    reserve_steps(index, replay);
    Tick at = after_up;
    auto taken = taken_at(at);
    for (std::size_t s = 0; s < statements.size(); ++s) {
      std::vector<Effect> effects = effects_of(index, s, *statements[s], taken);
      expand_all_in_schema(effects, at);
      std::vector<ObjectId> targets = drops_of(effects, at);
      for (std::size_t k = 0; k < effects.size(); ++k) {
        std::size_t step_index = replay.steps.size();
        CatalogStep& step = replay.steps.emplace_back();
        step.statement = s;
        step.effect = std::move(effects[k]);
        step.tick = after_up;
        Effect& effect = step.effect;
        if (effect.action == Action::create) {
          step.object = find(effect.object, at);
          step.existed = step.object != k_no_object;
          state.made.insert(effect.object.base_key());
          if (redefines(effect, step.object)) redefine_in_down(state, step.object, effect, at);
          continue;
        }
        if (effect.action == Action::rename) {
          ObjectRef next = effect.object;
          if (!effect.new_name.empty()) next.name = effect.new_name;
          if (!effect.new_schema.empty()) next.schema = effect.new_schema;
          state.made.insert(next.base_key());
        }
        if (targets[k] != k_no_object && m_gone.count(targets[k])) {
          // Taken already by an earlier object of the same DROP.
          step.object = targets[k];
          step.existed = true;
          continue;
        }
        ObjectId id = targets[k] != k_no_object ? targets[k] : resolve(effect, effect.object, at);
        step.object = id;
        step.existed = id != k_no_object;
        step.ambiguous = id == k_no_object && ambiguous(effect, at);
        if (id == k_no_object && !state.made_anew(effect.object)) {
          // Taken already by an earlier statement of this down?
          ObjectId earlier = m_catalog.find(effect.object, at);
          if (earlier == k_no_object && !effect.schema_given && effect.search_path) {
            for (const auto& schema : *effect.search_path) {
              Catalog::NameRef candidate(effect.object);
              candidate.schema = schema;
              earlier = m_catalog.find(candidate, at);
              if (earlier != k_no_object) break;
            }
          }
          if (earlier != k_no_object) {
            if (const std::size_t* by = m_gone.find(earlier)) {
              step.dropped_by_step = static_cast<std::ptrdiff_t>(*by);
            }
          }
        }
        if (id == k_no_object && drops_unknown_schema(effect)) {
          drop_schema_members(effect.object.name, at, step);
          for (ObjectId taken_id : step.implied) m_gone.emplace(taken_id, step_index);
        }
        if (id != k_no_object) {
          if (effect.action == Action::drop) {
            drop(id, effect, at, step);
            m_gone.emplace(id, step_index);
            for (ObjectId taken_id : step.implied) m_gone.emplace(taken_id, step_index);
          } else if (effect.action == Action::alter && effect.change == Change::set_type) {
            state.retyped.insert(id);
          } else if (effect.action == Action::alter && (effect.change == Change::set_default ||
                                                        effect.change == Change::drop_default)) {
            state.undefaulted.insert(id);
          } else if (!policy_expressions_set(effect).empty()) {
            for (DependencySource source : policy_expressions_set(effect)) {
              (source == DependencySource::policy_using ? state.new_using : state.new_check)
                  .insert(id);
            }
          } else if (remaps(effect)) {
            DownState::Remap& remap = state.remaps.emplace_back();
            remap.config = id;
            remap.tokens = effect.columns;
            for (const Dependency& dependency : effect.depends_on) {
              ObjectId dictionary = resolve_dependency(effect, dependency, at).target;
              if (dependency.source == DependencySource::statement) {
                remap.replace = true;
                remap.old = dictionary;
              } else if (dependency.source == DependencySource::mapping &&
                         dictionary != k_no_object) {
                remap.dictionaries.push_back(dictionary);
              }
            }
          } else if (effect.action == Action::alter && effect.change == Change::detach_partition) {
            if (detaches(&*statements[s], id, partition_parent(id, at), at)) {
              state.detached.insert(id);
            }
          } else if (effect.action == Action::alter && effect.change == Change::drop_identity) {
            identity_sequences(id, at, step.implied);
            for (ObjectId taken_id : step.implied) m_gone.emplace(taken_id, step_index);
          } else if (effect.action == Action::rename) {
            ObjectRef next = objects()[id].ref_at(at);
            if (!effect.new_name.empty()) next.name = effect.new_name;
            if (!effect.new_schema.empty()) next.schema = effect.new_schema;
            state.renamed[next.base_key()] = id;
            state.renamed_away.insert(id);
            if (!effect.new_schema.empty()) state.moved[id] = effect.new_schema;
            // SET SCHEMA of a table takes its indexes and owned sequences along: the down's
            // later statements find them in the new schema only.
            if (!effect.new_schema.empty() && is_relation(objects_at(id).kind())) {
              for (ObjectId other : moved_along(id, at)) {
                ObjectRef along = objects_at(other).ref_at(at);
                along.schema = effect.new_schema;
                state.renamed[along.base_key()] = other;
                state.renamed_away.insert(other);
                state.moved[other] = effect.new_schema;
              }
            }
          }
        }
      }
    }
    m_down = nullptr;
  }
};

const Statement* statement_at(const Project& project, const Origin& origin) {
  const ParsedFile* file = project.parsed(origin.file);
  if (file == nullptr || origin.statement >= file->all_statements().size()) return nullptr;
  return file->all_statements()[origin.statement];
}

std::vector<ObjectChange> changes_before(const Project& project, const CatalogObject& object,
                                         Tick before, std::optional<Tick> after) {
  std::vector<Origin> origins;
  for (const Origin& origin : object.changed) {
    if (origin.tick < before && (!after || origin.tick > *after)) origins.push_back(origin);
  }
  std::stable_sort(origins.begin(), origins.end(),
                   [](const Origin& a, const Origin& b) { return a.tick < b.tick; });
  std::vector<ObjectChange> changes;
  for (const Origin& origin : origins) {
    const Statement* statement = statement_at(project, origin);
    if (statement == nullptr || (!changes.empty() && changes.back().statement == statement)) {
      continue;
    }
    changes.push_back(ObjectChange{origin, statement});
  }
  return changes;
}

Origin edge_origin(const CatalogObject& dependent, const DependencyEdge& edge) {
  if (edge.from != dependent.created.tick) {
    for (const Origin& origin : dependent.changed) {
      if (origin.tick == edge.from) return origin;
    }
  }
  return dependent.created;
}

bool redefined_by(const Catalog& catalog, ObjectId id, const Origin& origin) {
  for (const CatalogStep& step : catalog.steps_at(origin.file, origin.statement)) {
    if (step.tick == origin.tick && step.object == id && step.existed &&
        step.effect.action == Action::create && step.effect.or_replace) {
      return true;
    }
  }
  return false;
}

std::vector<Catalog::TableRule> rules_before(const Project& project, const Catalog& catalog,
                                             std::size_t file, std::size_t statement,
                                             ObjectId table, std::optional<Change> event) {
  const FileReplay& replay = catalog.replay(file);
  if (!replay.replayed || table == k_no_object) return {};
  Tick at = catalog.before_statement(file, statement);
  std::vector<Catalog::TableRule> rules = catalog.rules(table, at, event);
  if (rules.empty()) return rules;
  bool down = replay.direction == Direction::down;
  // ALTER TABLE ... ENABLE | DISABLE RULE, in the order they ran: the ups' before the statement,
  // then for a down its own before it.
  const std::string& table_name = catalog.object(table).ref_at(at).name;
  auto switches = [&](const Statement& alter) {
    if (!alter.node.is("AlterTableStmt") ||
        truncate_identifier(relation_name(alter.node.get("relation")).name) != table_name) {
      return;
    }
    for (Node command : alter.node.list("cmds")) {
      std::string_view type = command.str("subtype");
      bool off = type == "AT_DisableRule" || type == "AT_EnableReplicaRule";
      if (!off && type != "AT_EnableRule" && type != "AT_EnableAlwaysRule") continue;
      std::string name = truncate_identifier(command.str("name"));
      for (Catalog::TableRule& rule : rules) {
        if (catalog.object(rule.id).ref_at(at).name == name) rule.fires = !off;
      }
    }
  };
  for (const ObjectChange& change : changes_before(project, catalog.object(table), at)) {
    switches(*change.statement);
  }
  if (!down) return rules;
  const ParsedFile* parsed = project.parsed(file);
  for (const CatalogStep& step : replay.steps) {
    if (step.statement >= statement) break;
    if (step.effect.action != Action::drop) continue;
    std::erase_if(rules, [&](const Catalog::TableRule& rule) {
      return step.object == rule.id ||
             std::find(step.implied.begin(), step.implied.end(), rule.id) != step.implied.end();
    });
  }
  if (parsed != nullptr) {
    const auto& statements = parsed->all_statements();
    for (std::size_t s = 0; s < statement && s < statements.size(); ++s) switches(*statements[s]);
  }
  return rules;
}

const Catalog::TableRule* on_conflict_refused_by(const std::vector<Catalog::TableRule>& rules) {
  for (const Catalog::TableRule& rule : rules) {
    const RuleFacts& facts = *rule.definition->facts;
    if (facts.event == Change::update ||
        (facts.event == Change::insert && !facts.actions.empty() && rule.fires)) {
      return &rule;
    }
  }
  return nullptr;
}

bool columns_known(const Project& project, const Catalog& catalog, ObjectId id, Tick at) {
  const CatalogObject& table = catalog.object(id);
  if (table.kind() != ObjectKind::table) return false;
  const Statement* created = statement_at(project, table.created);
  if (created == nullptr) return false;
  const Node& node = created->node;
  if (node.is("CreateStmt")) {
    if (node.has("partbound") || node.has("ofTypename") || !node.list("inhRelations").empty()) {
      return false;
    }
    for (Node element : node.list("tableElts")) {
      if (element.is("TableLikeClause")) return false;
    }
  } else if (!created_table_columns(node)) {
    return false;
  }
  for (const Origin& origin : table.changed) {
    if (origin.tick >= at) continue;
    const Statement* statement = statement_at(project, origin);
    if (statement == nullptr) return false;
    if (statement->kind() != "AlterTableStmt") continue;
    for (Node command : statement->node.list("cmds")) {
      std::string_view subtype = command.str("subtype");
      // Inheriting, or being attached as a partition (a parent's later ADD COLUMN reaches it);
      // attaching a partition to it leaves its columns as they are.
      if (subtype == "AT_AddInherit") return false;
      if (subtype == "AT_AttachPartition" &&
          truncate_identifier(relation_name(command.get("def").get("name")).name) ==
              table.ref_at(origin.tick).name) {
        return false;
      }
    }
  }
  return true;
}

ObjectId find_as_written(const Catalog& catalog, std::size_t file, std::size_t statement,
                         ObjectKind kind, std::string_view schema, std::string_view name,
                         std::string_view parent) {
  if (!catalog.replay(file).replayed) return k_no_object;
  Tick tick = catalog.before_statement(file, statement);
  std::string table = parent.empty() ? std::string() : truncate_identifier(parent);
  std::string object = truncate_identifier(name);
  auto find_in = [&](const std::string& in) {
    return catalog.find(Catalog::NameRef(kind, in, table, object), tick);
  };
  if (!schema.empty()) return find_in(truncate_identifier(schema));
  // The path the statement's own effects were resolved with; public when none says.
  std::shared_ptr<const std::vector<std::string>> path;
  for (const CatalogStep& step : catalog.steps_at(file, statement)) {
    if (step.effect.search_path) {
      path = step.effect.search_path;
      break;
    }
  }
  if (!path) return find_in("public");
  for (const std::string& in : *path) {
    ObjectId id = find_in(in);
    if (id != k_no_object) return id;
  }
  return k_no_object;
}

ObjectId relation_named(const Catalog& catalog, std::string_view schema, std::string_view name,
                        bool schema_given,
                        const std::shared_ptr<const std::vector<std::string>>& path, Tick at) {
  auto in_schema = [&](std::string_view where) {
    for (ObjectKind kind : {ObjectKind::table, ObjectKind::index, ObjectKind::sequence}) {
      ObjectId id = catalog.find(Catalog::NameRef(kind, where, {}, name), at);
      if (id != k_no_object) return id;
    }
    return k_no_object;
  };
  ObjectId id = in_schema(schema);
  if (id != k_no_object || schema_given || !path) return id;
  for (const auto& other : *path) {
    if (other == schema) continue;
    id = in_schema(other);
    if (id != k_no_object) return id;
  }
  return k_no_object;
}

std::shared_ptr<const Catalog> Catalog::build(const Project& project,
                                              const CatalogOptions& options) {
  CatalogBuild build(project, options);
  parallel_for(project.set().files.size(), options.jobs, [&](std::size_t i) { build.prepare(i); });
  return build.replay();
}

// ---- building while parsing -----------------------------------------------------------------

CatalogBuild::CatalogBuild(const Project& project, CatalogOptions options)
    : m_options(std::move(options)),
      m_catalog(std::make_shared<Catalog>()),
      m_builder(std::make_unique<CatalogBuilder>(*m_catalog, project, m_options)),
      m_ready(new std::atomic<bool>[project.set().files.size()]) {
  for (std::size_t i = 0; i < project.set().files.size(); ++i) m_ready[i] = false;
}

CatalogBuild::~CatalogBuild() = default;

void CatalogBuild::prepare(std::size_t file) {
  m_builder->prepare(file);
  m_ready[file].store(true);
  std::size_t done = m_done.fetch_add(1) + 1;
  if (done >= m_wake_at.load()) {
    std::lock_guard lock(m_mutex);
    m_arrived.notify_all();
  }
}

void CatalogBuild::abandon() {
  {
    std::lock_guard lock(m_mutex);
    m_abandoned = true;
  }
  m_arrived.notify_all();
}

void CatalogBuild::wait_for(std::size_t file) {
  if (m_ready[file].load()) return;
  // Waking the replay for every file costs about as much as replaying it: it sleeps until a
  // batch of files has come, its own among them.
  constexpr std::size_t k_batch = 32;
  std::size_t total = m_catalog->m_files.size();
  std::unique_lock lock(m_mutex);
  std::size_t until = std::min(total, m_done.load() + k_batch);
  m_wake_at.store(until);
  m_arrived.wait(
      lock, [&] { return m_abandoned.load() || (m_ready[file].load() && m_done.load() >= until); });
  m_wake_at.store(std::numeric_limits<std::size_t>::max());
}

std::shared_ptr<const Catalog> CatalogBuild::replay() {
  auto wait = [&](std::size_t file) {
    wait_for(file);
    return !m_abandoned.load();
  };
  if (!m_builder->replay_ups(wait)) return nullptr;
  for (std::size_t i = 0; i < m_catalog->m_files.size(); ++i) {
    if (!wait(i)) return nullptr;
  }
  m_builder->replay_downs();
  std::vector<std::string>& schemas = m_catalog->m_schemas;
  for (const CatalogObject& object : m_catalog->m_objects) {
    for (const auto& name : object.names) {
      if (!name.ref.schema.empty()) schemas.push_back(name.ref.schema);
    }
  }
  std::sort(schemas.begin(), schemas.end());
  schemas.erase(std::unique(schemas.begin(), schemas.end()), schemas.end());
  // What the builder still holds (the resolvers and name queries of every statement) is scratch:
  // freed now rather than kept through the rules.
  m_builder.reset();
  return m_catalog;
}

}  // namespace sqlgate::lint
