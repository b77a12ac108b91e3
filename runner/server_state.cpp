#include "runner/server_state.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <string_view>

#include "runner/postgres.h"
#include "runner/scratch.h"

namespace sqlgate::runner {
namespace {

// The role attributes in the order of RoleState::attributes: the keyword that sets each, and
// the one that clears it.
constexpr std::array<std::array<const char*, 2>, 7> k_attributes{{{"SUPERUSER", "NOSUPERUSER"},
                                                                  {"INHERIT", "NOINHERIT"},
                                                                  {"CREATEROLE", "NOCREATEROLE"},
                                                                  {"CREATEDB", "NOCREATEDB"},
                                                                  {"LOGIN", "NOLOGIN"},
                                                                  {"REPLICATION", "NOREPLICATION"},
                                                                  {"BYPASSRLS", "NOBYPASSRLS"}}};

// Settings whose value is a list of names, each quoted as an identifier when stored
// ("search_path=a, \"B c\""): set back one literal per name, as pg_dump does for the same list.
constexpr std::array<std::string_view, 6> k_list_settings{
    "local_preload_libraries",  "search_path",      "session_preload_libraries",
    "shared_preload_libraries", "temp_tablespaces", "unix_socket_directories"};

// Longest name PostgreSQL keeps (NAMEDATALEN - 1): a longer name in a file is truncated to it.
constexpr std::size_t k_max_name = 63;

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

bool identifier_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
}

// Whether lower-case `text` holds lower-case `name` as a whole word.
bool mentions(std::string_view text, std::string_view name) {
  if (name.empty()) return false;
  for (auto at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    bool starts = at == 0 || !identifier_char(text[at - 1]);
    std::size_t end = at + name.size();
    bool ends = end == text.size() || !identifier_char(text[end]) || name.size() >= k_max_name;
    if (starts && ends) return true;
  }
  return false;
}

// The reading of the catalogs: one row per object, eight text columns.
std::string state_query(int version, const std::string& scratch, bool passwords) {
  std::string query =
      "SELECT 'r', r.oid::text, r.rolname::text,"
      " concat(r.rolsuper::int, r.rolinherit::int, r.rolcreaterole::int, r.rolcreatedb::int,"
      " r.rolcanlogin::int, r.rolreplication::int, r.rolbypassrls::int),"
      " r.rolconnlimit::text, r.rolvaliduntil::text, " +
      std::string(passwords ? "r.rolpassword::text" : "NULL::text") +
      ", c.description FROM pg_catalog." + (passwords ? "pg_authid" : "pg_roles") +
      " r LEFT JOIN pg_catalog.pg_shdescription c"
      " ON c.objoid = r.oid AND c.classoid = 'pg_catalog.pg_authid'::pg_catalog.regclass"
      " UNION ALL"
      " SELECT 'm', m.roleid::text || ' ' || m.member::text" +
      (version >= 160000 ? " || ' ' || m.grantor::text" : "") +
      ", m.roleid::text, m.member::text, m.grantor::text, m.admin_option::int::text, " +
      (version >= 160000 ? "m.inherit_option::int::text, m.set_option::int::text"
                         : "NULL::text, NULL::text") +
      " FROM pg_catalog.pg_auth_members m"
      " UNION ALL"
      " SELECT 's', s.setdatabase::text || ' ' || s.setrole::text || ' ' ||"
      " split_part(c.item, '=', 1), s.setdatabase::text, s.setrole::text,"
      " split_part(c.item, '=', 1), substr(c.item, strpos(c.item, '=') + 1), NULL, NULL"
      " FROM pg_catalog.pg_db_role_setting s CROSS JOIN LATERAL unnest(s.setconfig) AS c(item)"
      " WHERE s.setdatabase = 0 OR s.setdatabase IN"
      " (SELECT oid FROM pg_catalog.pg_database WHERE datname <> " +
      quote_literal(scratch) +
      ")"
      " UNION ALL"
      " SELECT 't', t.oid::text, t.spcname::text, t.spcowner::text,"
      " coalesce(t.spcacl, pg_catalog.acldefault('t', t.spcowner))::text,"
      " coalesce(array_to_string(t.spcoptions, ', '), ''), NULL, c.description"
      " FROM pg_catalog.pg_tablespace t LEFT JOIN pg_catalog.pg_shdescription c"
      " ON c.objoid = t.oid AND c.classoid = 'pg_catalog.pg_tablespace'::pg_catalog.regclass"
      " UNION ALL"
      " SELECT 'd', d.oid::text, d.datname::text, d.datdba::text,"
      " coalesce(d.datacl, pg_catalog.acldefault('d', d.datdba))::text,"
      " concat_ws(' ', 'CONNECTION LIMIT ' || d.datconnlimit, 'ALLOW_CONNECTIONS ' ||"
      " d.datallowconn, 'IS_TEMPLATE ' || d.datistemplate, 'TABLESPACE ' || d.dattablespace),"
      " NULL, c.description FROM pg_catalog.pg_database d LEFT JOIN pg_catalog.pg_shdescription c"
      " ON c.objoid = d.oid AND c.classoid = 'pg_catalog.pg_database'::pg_catalog.regclass"
      " WHERE d.datname <> " +
      quote_literal(scratch);
  if (version >= 150000) {
    query +=
        " UNION ALL"
        " SELECT 'p', p.parname::text, p.parname::text, '', coalesce(p.paracl::text, ''), '',"
        " NULL, NULL FROM pg_catalog.pg_parameter_acl p";
  }
  return query;
}

std::string text(const std::optional<std::string>& value) {
  return value ? *value : std::string();
}

template <typename Map>
const typename Map::mapped_type* find(const Map& map, const std::string& key) {
  auto found = map.find(key);
  return found == map.end() ? nullptr : &found->second;
}

// The keys of two maps whose values differ, or that only one holds.
template <typename Map>
std::vector<std::string> changed_keys(const Map& before, const Map& after) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : before) {
    const auto* other = find(after, key);
    if (other == nullptr || !(*other == value)) keys.push_back(key);
  }
  for (const auto& [key, value] : after) {
    if (!before.contains(key)) keys.push_back(key);
  }
  return keys;
}

// A setting's or parameter's name for SQL: each dotted part quoted ("myapp"."tenant").
std::string quote_setting_name(std::string_view name) {
  std::string result;
  std::size_t start = 0;
  while (true) {
    auto dot = name.find('.', start);
    result += quote_identifier(name.substr(start, dot - start));
    if (dot == std::string_view::npos) break;
    result += '.';
    start = dot + 1;
  }
  return result;
}

// The names of a stored list value: `a, "B c", "$user"` -> a, B c, $user.
std::vector<std::string> split_names(std::string_view value) {
  std::vector<std::string> names;
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i]))) ++i;
    std::string name;
    if (i < value.size() && value[i] == '"') {
      for (++i; i < value.size(); ++i) {
        if (value[i] == '"') {
          if (i + 1 < value.size() && value[i + 1] == '"') {
            name += '"';
            ++i;
          } else {
            ++i;
            break;
          }
        } else {
          name += value[i];
        }
      }
      while (i < value.size() && value[i] != ',') ++i;
    } else {
      while (i < value.size() && value[i] != ',') name += value[i++];
      while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) {
        name.pop_back();
      }
    }
    names.push_back(std::move(name));
    if (i < value.size() && value[i] == ',') ++i;
  }
  return names;
}

// A stored setting value as SQL that stores it again.
std::string setting_value_sql(const std::string& name, const std::string& value) {
  std::string key = lower(name);
  if (std::find(k_list_settings.begin(), k_list_settings.end(), key) == k_list_settings.end()) {
    return quote_literal(value);
  }
  std::string sql;
  for (const std::string& element : split_names(value)) {
    if (!sql.empty()) sql += ", ";
    sql += quote_literal(element);
  }
  return sql.empty() ? quote_literal("") : sql;
}

// PostgreSQL's message and its detail, on one line.
std::string error_text(const SqlError& error) {
  std::string result = error.fields().message.empty() ? error.what() : error.fields().message;
  std::string detail;
  for (char c : error.detail()) {
    if (c == '\n') {
      detail += "; ";
    } else {
      detail += c;
    }
  }
  if (!detail.empty()) result += " (" + detail + ")";
  return result;
}

// The tablespaces, databases or parameters of a state.
const std::map<std::string, SharedObjectState>& objects(const ServerState& state,
                                                        std::string_view kind) {
  return kind == "tablespace" ? state.tablespaces
         : kind == "database" ? state.databases
                              : state.parameters;
}

std::string by(const std::string& file) {
  return file.empty() ? std::string() : ", changed by " + file;
}

// ---- reading -------------------------------------------------------------------------

ServerState parse_state(const Rows& rows, bool passwords) {
  ServerState state;
  state.passwords = passwords;
  for (const auto& row : rows.rows) {
    if (row.size() < 8 || !row[0] || !row[1]) continue;
    const std::string& kind = *row[0];
    const std::string& key = *row[1];
    if (kind == "r") {
      RoleState role;
      role.name = text(row[2]);
      for (char flag : text(row[3])) role.attributes.push_back(flag == '1');
      role.connection_limit = std::atoi(text(row[4]).c_str());
      role.valid_until = row[5];
      role.password = row[6];
      role.comment = row[7];
      state.roles.emplace(key, std::move(role));
    } else if (kind == "m") {
      MembershipState membership;
      membership.role = text(row[2]);
      membership.member = text(row[3]);
      membership.grantor = text(row[4]);
      membership.admin = text(row[5]) == "1";
      if (row[6]) membership.inherit = *row[6] == "1";
      if (row[7]) membership.set = *row[7] == "1";
      state.memberships.emplace(key, std::move(membership));
    } else if (kind == "s") {
      state.settings.emplace(key,
                             SettingState{text(row[2]), text(row[3]), text(row[4]), text(row[5])});
    } else if (kind == "t" || kind == "d" || kind == "p") {
      SharedObjectState object{text(row[2]), text(row[3]), text(row[4]), text(row[5]), row[7]};
      auto& map = kind == "t"   ? state.tablespaces
                  : kind == "d" ? state.databases
                                : state.parameters;
      map.emplace(key, std::move(object));
    }
  }
  return state;
}

}  // namespace

ServerState read_server_state(Session& session, const std::string& scratch, bool passwords) {
  return parse_state(session.query(state_query(session.server_version(), scratch, passwords)),
                     passwords);
}

// ---- watching ------------------------------------------------------------------------

struct ServerWatch::Window {
  std::string file;  // its display name
  std::string text;  // lower case
  ServerState before;
};

ServerWatch::ServerWatch(const std::string& server, std::string scratch)
    : m_server(conninfo_with_database(server, "")), m_scratch(std::move(scratch)) {
  try {
    connect();
    Rows me = m_session->query(
        "SELECT r.oid::text, r.rolsuper::text,"
        " has_column_privilege('pg_catalog.pg_authid', 'rolpassword', 'SELECT')::text"
        " FROM pg_catalog.pg_roles r WHERE r.rolname = current_user");
    if (me.rows.empty()) throw ScratchError("cannot find the role verify connects as");
    m_user_oid = text(me.rows[0][0]);
    m_superuser = text(me.rows[0][1]) == "true";
    m_read_passwords = text(me.rows[0][2]) == "true";
    m_version = m_session->server_version();
    m_start = read();
  } catch (const SqlError& e) {
    throw ScratchError(std::string("cannot read the server's roles and settings: ") +
                       error_text(e));
  }
}

ServerWatch::~ServerWatch() = default;

ServerState ServerWatch::read_prepared() {
  // Prepared once: planning the query costs as much as running it, and it runs twice a file.
  std::string name = std::string("sqlgate_server_state") + (m_read_passwords ? "_passwords" : "");
  std::string sql = "EXECUTE " + name;
  if (!m_prepared.contains(name)) {
    sql = "PREPARE " + name + " AS " + state_query(m_version, m_scratch, m_read_passwords) + "; " +
          sql;
  }
  Rows rows = m_session->query(sql);
  m_prepared.insert(name);
  return parse_state(rows, m_read_passwords);
}

void ServerWatch::connect() {
  m_prepared.clear();
  m_session.reset();
  m_session = connect_postgres(m_server);
  m_session->execute(
      "SET search_path = pg_catalog; SET datestyle = 'ISO, YMD'; SET timezone = 'UTC'");
}

ServerState ServerWatch::read() {
  if (!m_session) connect();
  try {
    return read_state();
  } catch (const ConnectionError&) {
    // The session went (a migration ended it): a new one, once; a server that is gone throws.
    connect();
    return read_state();
  }
}

ServerState ServerWatch::read_state() {
  try {
    return read_prepared();
  } catch (const SqlError&) {
    // A migration took away the right to read the passwords (or the role's superuser).
    if (!m_read_passwords) throw;
    m_read_passwords = false;
    return read_prepared();
  }
}

void ServerWatch::begin(const lint::ParsedFile& file) {
  auto window = std::make_unique<Window>();
  window->file = file.display();
  window->text = lower(file.text());
  try {
    window->before = read();
  } catch (const SqlError& e) {
    m_unwatched.emplace(file.display(), error_text(e));
    return;
  }
  if (!m_read_passwords) {
    // Password hashes cannot be read: note where a role that existed before has its password set.
    for (const lint::Statement* statement : file.all_statements()) {
      if (statement->kind() != "AlterRoleStmt") continue;
      bool password = false;
      for (lint::Node option : statement->node.list("options")) {
        if (option.str("defname") == "password") password = true;
      }
      if (!password) continue;
      lint::Node role = statement->node.get("role");
      std::string name(role.str("rolename"));
      if (role.str("roletype") != "ROLESPEC_CSTRING") {
        const RoleState* me = find(m_start.roles, m_user_oid);
        name = me ? me->name : "";
      }
      bool existed = std::any_of(m_start.roles.begin(), m_start.roles.end(),
                                 [&](const auto& role) { return role.second.name == name; });
      if (!existed) continue;
      auto line = file.position(statement->offset(std::nullopt)).line;
      m_unread_passwords.emplace(name, file.display() + ":" + std::to_string(line));
    }
  }
  m_window = std::move(window);
}

void ServerWatch::end() {
  if (!m_window) return;
  std::unique_ptr<Window> window = std::move(m_window);
  ServerState after;
  try {
    after = read();
  } catch (const SqlError& e) {
    m_unwatched.emplace(window->file, error_text(e));
    return;
  }
  attribute(*window, window->before, after);
}

bool ServerWatch::names(const Window& window, const std::string& name) const {
  return mentions(window.text, lower(name));
}

bool ServerWatch::names_role(const Window& window, const ServerState& before,
                             const ServerState& after, const std::string& oid) const {
  for (const ServerState* state : {&before, &after}) {
    if (const RoleState* role = find(state->roles, oid); role && names(window, role->name)) {
      return true;
    }
  }
  return oid == m_user_oid && (names(window, "current_user") || names(window, "current_role") ||
                               names(window, "session_user"));
}

void ServerWatch::attribute(const Window& window, const ServerState& before,
                            const ServerState& after) {
  auto touch = [&](const std::string& key) { m_touched.emplace(key, window.file); };
  for (const ServerState* state : {&before, &after}) {
    for (const auto& [oid, role] : state->roles) m_names[oid] = role.name;
  }
  auto database_named = [&](const std::string& oid) {
    for (const ServerState* state : {&before, &after}) {
      if (const auto* database = find(state->databases, oid); database) {
        if (names(window, database->name)) return true;
      }
    }
    return false;
  };
  for (const std::string& oid : changed_keys(before.roles, after.roles)) {
    if (names_role(window, before, after, oid)) {
      touch("role " + oid);
    } else if (!before.roles.contains(oid)) {
      m_strangers.emplace(oid, window.file);
    }
  }
  for (const std::string& key : changed_keys(before.memberships, after.memberships)) {
    const MembershipState* m = find(after.memberships, key);
    if (m == nullptr) m = find(before.memberships, key);
    if (names_role(window, before, after, m->role) ||
        names_role(window, before, after, m->member)) {
      touch("membership " + key);
    }
  }
  for (const std::string& key : changed_keys(before.settings, after.settings)) {
    const SettingState* s = find(after.settings, key);
    if (s == nullptr) s = find(before.settings, key);
    bool named = (s->role != "0" && names_role(window, before, after, s->role)) ||
                 (s->database != "0" && database_named(s->database)) ||
                 (s->role == "0" && s->database == "0" && names(window, "all"));
    if (named) touch("setting " + key);
  }
  for (const char* kind : {"tablespace", "database", "parameter"}) {
    for (const std::string& key : changed_keys(objects(before, kind), objects(after, kind))) {
      const SharedObjectState* object = find(objects(after, kind), key);
      const SharedObjectState* earlier = find(objects(before, kind), key);
      if ((object && names(window, object->name)) || (earlier && names(window, earlier->name))) {
        touch(std::string(kind) + " " + key);
      }
    }
  }
}

// ---- putting back --------------------------------------------------------------------

ServerRestore ServerWatch::restore() {
  ServerRestore report;
  if (!m_window && m_touched.empty() && m_strangers.empty() && m_unread_passwords.empty() &&
      m_unwatched.empty()) {
    return report;  // the migrations changed nothing outside their database
  }
  try {
    try {
      put_back(report);
    } catch (const ConnectionError&) {
      // The session went (a migration ended it, or the server restarted): once more, anew.
      m_session.reset();
      report = {};
      put_back(report);
    }
  } catch (const ConnectionError& e) {
    std::string what;
    for (const auto& [key, file] : m_touched) {
      if (key.rfind("role ", 0) != 0) continue;
      std::string oid = key.substr(5);
      if (m_start.roles.contains(oid)) continue;
      auto name = m_names.find(oid);
      what += (what.empty() ? "role " : ", ") +
              (name == m_names.end() ? "of oid " + oid : name->second);
    }
    report.not_restored.push_back(
        "cannot reach the server to put back what the migrations changed (" +
        std::string(e.what()) + ")" +
        (what.empty() ? "" : "; created by the migrations and left there: " + what));
  } catch (const SqlError& e) {
    report.not_restored.push_back(
        "cannot read the server's roles and settings to put back what the migrations changed: " +
        error_text(e));
  }
  return report;
}

// One putting back: what the migrations changed, the statements that undo it, and the report.
class ServerWatch::PutBack {
 public:
  PutBack(ServerWatch& watch, ServerRestore& report)
      : m_watch(watch), m_start(watch.m_start), m_report(report), m_now(watch.read()) {}

  void run() {
    drop_created();
    m_now = m_watch.read();
    put_back_roles();
    m_now = m_watch.read();  // the names as they are again
    put_back_memberships();
    put_back_settings();
    put_back_comments();
    check();
  }

 private:
  using Touched = std::vector<std::pair<std::string, const std::string*>>;  // (id, file)

  // The ids of what the migrations changed of one kind, with the file that did it.
  Touched touched(const std::string& kind) const {
    Touched ids;
    std::string prefix = kind + " ";
    for (const auto& [key, file] : m_watch.m_touched) {
      if (key.rfind(prefix, 0) == 0) ids.emplace_back(key.substr(prefix.size()), &file);
    }
    return ids;
  }

  std::optional<std::string> execute(const std::string& sql) {
    try {
      m_watch.m_session->execute(sql);
      return std::nullopt;
    } catch (const SqlError& e) {
      return error_text(e);
    }
  }

  void done(std::string line) { m_report.restored.push_back(std::move(line)); }
  void fail(const std::string& key, std::string message) {
    m_reported.insert(key);
    m_report.not_restored.push_back(std::move(message));
  }

  std::string role_name(const std::string& oid) const {
    if (const RoleState* role = find(m_now.roles, oid)) return role->name;
    if (const RoleState* role = find(m_start.roles, oid)) return role->name;
    return "oid " + oid;
  }

  // ---- what the migrations created: roles and tablespaces go, databases are named
  void drop_created() {
    std::vector<std::pair<long, std::string>> roles;  // (oid, its text)
    for (const auto& [oid, file] : touched("role")) {
      if (!m_now.roles.contains(oid) || m_start.roles.contains(oid)) continue;
      const std::string& name = m_now.roles.at(oid).name;
      // A role of a name that was there, whose role is gone: dropped and created again.
      bool replaced = false;
      for (const auto& [start_oid, start_role] : m_start.roles) {
        if (start_role.name == name && !m_now.roles.contains(start_oid)) {
          m_reported.insert("role " + start_oid);
          replaced = true;
        }
      }
      if (replaced) {
        fail("role " + oid, "role " + name +
                                " existed before verify, and the migrations dropped it and "
                                "created it again (" +
                                *file +
                                "): it is not the role that was there (its privileges and "
                                "objects elsewhere are gone); verify left the new one");
      } else {
        roles.emplace_back(std::atol(oid.c_str()), oid);
      }
    }
    for (const auto& [oid, file] : touched("tablespace")) {
      if (!m_now.tablespaces.contains(oid) || m_start.tablespaces.contains(oid)) continue;
      const std::string& name = m_now.tablespaces.at(oid).name;
      if (auto error = execute("DROP TABLESPACE " + quote_identifier(name))) {
        fail("tablespace " + oid,
             "tablespace " + name + ", created by " + *file + ", could not be dropped: " + *error);
      } else {
        done("dropped tablespace " + name + ", created by " + *file);
      }
    }
    for (const auto& [oid, file] : touched("database")) {
      if (!m_now.databases.contains(oid) || m_start.databases.contains(oid)) continue;
      const std::string& name = m_now.databases.at(oid).name;
      fail("database " + oid, "database " + name + " was created by " + *file +
                                  "; verify does not drop databases: drop it with DROP DATABASE " +
                                  quote_identifier(name));
    }
    if (roles.empty()) return;
    std::sort(roles.rbegin(), roles.rend());  // the newest first
    revoke_shared_privileges(roles);
    drop_roles(roles);
  }

  // What the new roles were granted on databases, tablespaces and parameters would keep them.
  void revoke_shared_privileges(const std::vector<std::pair<long, std::string>>& roles) {
    std::string oids;
    for (const auto& [number, oid] : roles) oids += (oids.empty() ? "" : ",") + oid;
    std::string grants =
        "SELECT 'DATABASE', d.datname::text, a.grantee::text FROM pg_catalog.pg_database d,"
        " aclexplode(d.datacl) a WHERE a.grantee IN (" +
        oids + ") AND d.datname <> " + quote_literal(m_watch.m_scratch) +
        " UNION SELECT 'TABLESPACE', t.spcname::text, a.grantee::text"
        " FROM pg_catalog.pg_tablespace t, aclexplode(t.spcacl) a WHERE a.grantee IN (" +
        oids + ")";
    if (m_watch.m_version >= 150000) {
      grants +=
          " UNION SELECT 'PARAMETER', p.parname::text, a.grantee::text"
          " FROM pg_catalog.pg_parameter_acl p, aclexplode(p.paracl) a WHERE a.grantee IN (" +
          oids + ")";
    }
    for (const auto& row : m_watch.m_session->query(grants).rows) {
      std::string kind = text(row[0]);
      if (kind != "DATABASE" && kind != "TABLESPACE" && kind != "PARAMETER") continue;
      std::string object =
          kind == "PARAMETER" ? quote_setting_name(text(row[1])) : quote_identifier(text(row[1]));
      std::string name = role_name(text(row[2]));
      // Left to DROP ROLE to explain when it fails.
      if (!execute("REVOKE ALL ON " + kind + " " + object + " FROM " + quote_identifier(name) +
                   " CASCADE")) {
        done("revoked the privileges of role " + name + " on " + lower(kind) + " " + text(row[1]));
      }
    }
  }

  void drop_roles(const std::vector<std::pair<long, std::string>>& roles) {
    std::string all;
    for (const auto& [number, oid] : roles) {
      all += (all.empty() ? "" : ", ") + quote_identifier(m_now.roles.at(oid).name);
    }
    std::map<std::string, std::string> left;  // oid -> why it stays
    if (execute("DROP ROLE " + all)) {
      // One by one, so that the others go and each that stays says why; a role can keep another
      // (a grant it made), hence the passes.
      for (const auto& [number, oid] : roles) left[oid];
      bool progress = true;
      while (progress && !left.empty()) {
        progress = false;
        for (auto it = left.begin(); it != left.end();) {
          if (auto error =
                  execute("DROP ROLE " + quote_identifier(m_now.roles.at(it->first).name))) {
            it->second = *error;
            ++it;
          } else {
            progress = true;
            it = left.erase(it);
          }
        }
      }
    }
    for (const auto& [number, oid] : roles) {
      const std::string& name = m_now.roles.at(oid).name;
      const std::string& file = m_watch.m_touched.at("role " + oid);
      if (auto stays = left.find(oid); stays != left.end()) {
        fail("role " + oid,
             "role " + name + ", created by " + file + ", could not be dropped: " + stays->second);
      } else {
        done("dropped role " + name + ", created by " + file);
      }
    }
  }

  // ---- the roles that existed before
  void put_back_roles() {
    for (const auto& [oid, file] : touched("role")) {
      std::string key = "role " + oid;
      const RoleState* before = find(m_start.roles, oid);
      if (before == nullptr || m_reported.contains(key)) continue;
      const RoleState* current = find(m_now.roles, oid);
      if (current == nullptr) {
        fail(key, "role " + before->name +
                      " existed before verify and was dropped by the "
                      "migrations (" +
                      *file + "): verify cannot create it again as it was");
        continue;
      }
      std::string name = current->name;
      if (name != before->name) {
        if (auto error = execute("ALTER ROLE " + quote_identifier(name) + " RENAME TO " +
                                 quote_identifier(before->name))) {
          fail(key, "role " + before->name + ", renamed to " + name + " by " + *file +
                        ", could not be renamed back: " + *error);
          continue;
        }
        done("renamed role " + name + " back to " + before->name);
        name = before->name;
      }
      put_back_attributes(key, oid, name, *before, *current, *file);
      if (m_start.passwords && m_now.passwords && before->password != current->password) {
        put_back_password(key, name, before->password, *file);
      }
      if (before->comment != current->comment) {
        if (auto error = execute("COMMENT ON ROLE " + quote_identifier(name) + " IS " +
                                 (before->comment ? quote_literal(*before->comment) : "NULL"))) {
          fail(key, "the comment on role " + name + " could not be put back: " + *error);
        } else {
          done("put back the comment on role " + name);
        }
      }
    }
  }

  void put_back_attributes(const std::string& key, const std::string& oid, const std::string& name,
                           const RoleState& before, const RoleState& current,
                           const std::string& file) {
    std::string clauses;
    for (std::size_t i = 0; i < k_attributes.size(); ++i) {
      if (i < before.attributes.size() && i < current.attributes.size() &&
          before.attributes[i] != current.attributes[i]) {
        clauses += std::string(" ") + k_attributes[i][before.attributes[i] ? 0 : 1];
      }
    }
    if (before.connection_limit != current.connection_limit) {
      clauses += " CONNECTION LIMIT " + std::to_string(before.connection_limit);
    }
    // ALTER ROLE cannot take a VALID UNTIL away: a superuser clears it in pg_authid, as it was;
    // anyone else sets 'infinity', the same in effect.
    bool clear_valid_until = false;
    if (before.valid_until != current.valid_until) {
      if (before.valid_until) {
        clauses += " VALID UNTIL " + quote_literal(*before.valid_until);
      } else if (m_watch.m_superuser) {
        clear_valid_until = true;
      } else {
        if (current.valid_until != "infinity") clauses += " VALID UNTIL 'infinity'";
        m_report.notes.push_back("role " + name +
                                 " had no VALID UNTIL and now has 'infinity', the same in "
                                 "effect: only a superuser can clear it");
      }
    }
    if (!clauses.empty()) {
      if (auto error = execute("ALTER ROLE " + quote_identifier(name) + " WITH" + clauses)) {
        fail(key, "role " + name + " could not be set back to" + clauses + ": " + *error);
      } else {
        done("set role " + name + " back to" + clauses + by(file));
      }
    }
    if (clear_valid_until && oid.find_first_not_of("0123456789") == std::string::npos) {
      if (auto error =
              execute("UPDATE pg_catalog.pg_authid SET rolvaliduntil = NULL WHERE oid = " + oid)) {
        fail(key, "the VALID UNTIL of role " + name + " could not be cleared: " + *error);
      } else {
        done("cleared the VALID UNTIL of role " + name + by(file));
      }
    }
  }

  // The stored hash goes back as it was, in a statement kept out of the server's log and
  // statistics; only a superuser can keep it out, so only a superuser sends it.
  void put_back_password(const std::string& key, const std::string& name,
                         const std::optional<std::string>& hash, const std::string& file) {
    if (!m_watch.m_superuser) {
      fail(key, "the password of role " + name + " was changed by " + file +
                    ": only a superuser can put it back (verify would have to send the old hash "
                    "in a statement the server may log)");
      return;
    }
    std::string quiet =
        "BEGIN; SET LOCAL log_statement = 'none'; SET LOCAL log_min_duration_statement = -1;"
        " SET LOCAL log_min_error_statement = 'panic'";
    try {
      Rows tracked = m_watch.m_session->query(
          "SELECT current_setting('pg_stat_statements.track_utility', true) IS NOT NULL");
      if (!tracked.rows.empty() && text(tracked.rows[0][0]) == "t") {
        quiet += "; SET LOCAL pg_stat_statements.track_utility = off";
      }
    } catch (const SqlError&) {
    }
    // The settings first, in a query of their own: log_statement is judged as a query arrives.
    std::optional<std::string> error = execute(quiet);
    if (!error) {
      error = execute("ALTER ROLE " + quote_identifier(name) + " PASSWORD " +
                      (hash ? quote_literal(*hash) : "NULL"));
    }
    if (!error) error = execute("COMMIT");
    if (error) {
      execute("ROLLBACK");
      fail(key, "the password of role " + name + ", changed by " + file +
                    ", could not be put back: " + *error);
    } else {
      done("put back the password of role " + name + ", changed by " + file);
    }
  }

  // ---- memberships
  void put_back_memberships() {
    bool v16 = m_watch.m_version >= 160000;
    for (const auto& [id, file] : touched("membership")) {
      const MembershipState* before = find(m_start.memberships, id);
      const MembershipState* current = find(m_now.memberships, id);
      if (same(before, current)) continue;
      const MembershipState& m = before ? *before : *current;
      if (!m_now.roles.contains(m.role) || !m_now.roles.contains(m.member)) continue;  // said
      std::string role = quote_identifier(role_name(m.role));
      std::string member = quote_identifier(role_name(m.member));
      // From PostgreSQL 16 each grantor's grant is its own; before, a superuser can name the
      // grantor of a grant made again.
      std::string granted_by;
      if ((v16 || (m_watch.m_superuser && m.grantor != m_watch.m_user_oid)) &&
          m_now.roles.contains(m.grantor)) {
        granted_by = " GRANTED BY " + quote_identifier(role_name(m.grantor));
      }
      std::string by16 = v16 ? granted_by : "";
      std::vector<std::string> statements;
      if (before == nullptr) {
        statements.push_back("REVOKE " + role + " FROM " + member + by16);
      } else if (current == nullptr) {
        std::string options;
        if (v16) {
          options = std::string(" WITH ADMIN ") + (m.admin ? "TRUE" : "FALSE") + ", INHERIT " +
                    (m.inherit.value_or(true) ? "TRUE" : "FALSE") + ", SET " +
                    (m.set.value_or(true) ? "TRUE" : "FALSE");
        } else if (m.admin) {
          options = " WITH ADMIN OPTION";
        }
        statements.push_back("GRANT " + role + " TO " + member + options + granted_by);
      } else {
        auto option = [&](const char* name, bool was, bool is) {
          if (was == is) return;
          statements.push_back(was ? "GRANT " + role + " TO " + member + " WITH " + name + " TRUE" +
                                         by16
                                   : "REVOKE " + std::string(name) + " OPTION FOR " + role +
                                         " FROM " + member + by16);
        };
        option("ADMIN", before->admin, current->admin);
        if (before->inherit && current->inherit) {
          option("INHERIT", *before->inherit, *current->inherit);
        }
        if (before->set && current->set) option("SET", *before->set, *current->set);
      }
      std::string what =
          "the membership of role " + role_name(m.member) + " in role " + role_name(m.role);
      std::optional<std::string> error;
      for (const std::string& sql : statements) {
        if (!error) error = execute(sql);
      }
      if (error) {
        fail("membership " + id,
             what + ", changed by " + *file + ", could not be put back: " + *error);
      } else if (!statements.empty()) {
        done((before == nullptr    ? "revoked "
              : current == nullptr ? "granted again "
                                   : "put back ") +
             what + by(*file));
      }
    }
  }

  // ---- settings of roles and databases
  void put_back_settings() {
    for (const auto& [id, file] : touched("setting")) {
      const SettingState* before = find(m_start.settings, id);
      const SettingState* current = find(m_now.settings, id);
      if (same(before, current)) continue;
      const SettingState& s = before ? *before : *current;
      std::string target;
      std::string whose;
      if (s.role != "0") {
        if (!m_now.roles.contains(s.role)) continue;  // a role that goes takes its settings along
        target = "ALTER ROLE " + quote_identifier(role_name(s.role));
        whose = "role " + role_name(s.role);
      } else if (s.database == "0") {
        target = "ALTER ROLE ALL";
        whose = "every role";
      }
      if (s.database != "0") {
        const SharedObjectState* database = find(m_now.databases, s.database);
        if (database == nullptr) continue;
        target += target.empty() ? "ALTER DATABASE " + quote_identifier(database->name)
                                 : " IN DATABASE " + quote_identifier(database->name);
        whose += whose.empty() ? "database " + database->name : " in database " + database->name;
      }
      std::string sql = target + (before ? " SET " + quote_setting_name(s.name) + " = " +
                                               setting_value_sql(s.name, before->value)
                                         : " RESET " + quote_setting_name(s.name));
      if (auto error = execute(sql)) {
        fail("setting " + id, "the setting " + s.name + " of " + whose + ", changed by " + *file +
                                  ", could not be put back: " + *error);
      } else {
        done((before ? "set back " : "reset ") + s.name + " of " + whose + by(*file));
      }
    }
  }

  // ---- comments on databases and tablespaces
  void put_back_comments() {
    for (const char* kind : {"tablespace", "database"}) {
      const auto& start = objects(m_start, kind);
      for (const auto& [id, file] : touched(kind)) {
        const SharedObjectState* before = find(start, id);
        const SharedObjectState* current = find(objects(m_now, kind), id);
        if (!before || !current || before->comment == current->comment) continue;
        std::string what = std::string(kind) + " " + current->name;
        if (auto error =
                execute("COMMENT ON " + std::string(kind) + " " + quote_identifier(current->name) +
                        " IS " + (before->comment ? quote_literal(*before->comment) : "NULL"))) {
          fail(std::string(kind) + " " + id,
               "the comment on " + what + " could not be put back: " + *error);
        } else {
          done("put back the comment on " + what);
        }
      }
    }
  }

  // ---- what is still not as it was
  void check() {
    ServerState after = m_watch.read();
    for (const auto& [key, file] : m_watch.m_touched) {
      if (m_reported.contains(key)) continue;
      auto space = key.find(' ');
      std::string kind = key.substr(0, space);
      std::string id = key.substr(space + 1);
      std::string what;                // the object
      std::vector<std::string> parts;  // what differs
      if (kind == "role") {
        const RoleState* before = find(m_start.roles, id);
        const RoleState* current = find(after.roles, id);
        if (!before || !current) continue;  // created and dropped, or said above
        what = "role " + before->name;
        if (before->name != current->name) parts.push_back("name");
        if (before->attributes != current->attributes) parts.push_back("attributes");
        if (before->connection_limit != current->connection_limit) {
          parts.push_back("CONNECTION LIMIT");
        }
        if (before->valid_until != current->valid_until &&
            (m_watch.m_superuser || before->valid_until || current->valid_until != "infinity")) {
          parts.push_back("VALID UNTIL");
        }
        if (m_start.passwords && after.passwords && before->password != current->password) {
          parts.push_back("password");
        }
        if (before->comment != current->comment) parts.push_back("comment");
      } else if (kind == "membership") {
        const MembershipState* before = find(m_start.memberships, id);
        const MembershipState* current = find(after.memberships, id);
        if (same(before, current)) continue;
        const MembershipState& m = before ? *before : *current;
        if (!after.roles.contains(m.role) || !after.roles.contains(m.member)) continue;
        what = "the membership of role " + role_name(m.member) + " in role " + role_name(m.role);
        parts.push_back(before == nullptr ? "added" : current == nullptr ? "removed" : "options");
      } else if (kind == "setting") {
        const SettingState* before = find(m_start.settings, id);
        const SettingState* current = find(after.settings, id);
        if (same(before, current)) continue;
        const SettingState& s = before ? *before : *current;
        if (s.role != "0" && !after.roles.contains(s.role)) continue;
        std::string database = "oid " + s.database;
        if (const auto* d = find(m_start.databases, s.database)) database = d->name;
        what = "the setting " + s.name + (s.role != "0" ? " of role " + role_name(s.role) : "") +
               (s.database != "0" ? " in database " + database : "");
        parts.push_back(before == nullptr ? "added" : current == nullptr ? "removed" : "value");
      } else {
        const SharedObjectState* before = find(objects(m_start, kind), id);
        const SharedObjectState* current = find(objects(after, kind), id);
        if (same(before, current)) continue;
        what = kind + " " + (before ? before->name : current->name);
        if (before == nullptr) {
          parts.push_back("created");
        } else if (current == nullptr) {
          parts.push_back("dropped");
        } else {
          if (before->name != current->name) parts.push_back("name");
          if (before->owner != current->owner) parts.push_back("owner");
          if (before->privileges != current->privileges) parts.push_back("privileges");
          if (before->properties != current->properties) parts.push_back("options");
          if (before->comment != current->comment) parts.push_back("comment");
        }
      }
      if (parts.empty()) continue;
      std::string how;
      for (const auto& part : parts) how += (how.empty() ? "" : ", ") + part;
      fail(key, what + " is not as verify found it (" + how + ")" + by(file));
    }
    for (const auto& [file, error] : m_watch.m_unwatched) {
      m_report.not_restored.push_back("verify could not read the server's roles around " + file +
                                      " (" + error +
                                      "): what it changed outside the database was not put back");
    }
    for (const auto& [name, where] : m_watch.m_unread_passwords) {
      m_report.not_restored.push_back(
          "the password of role " + name + " may have been changed by " + where +
          ": only a superuser can read passwords, so verify can neither check it nor put it back");
    }
    for (const auto& [oid, file] : m_watch.m_strangers) {
      const RoleState* role = find(after.roles, oid);
      if (role == nullptr || m_watch.m_touched.contains("role " + oid)) continue;
      m_report.notes.push_back("role " + role->name + " appeared while " + file +
                               " ran, but that file does not name it: verify left it alone (if "
                               "the migration made it, drop it with DROP ROLE " +
                               quote_identifier(role->name) + ")");
    }
  }

  // Both absent, or both present and equal.
  template <typename T>
  static bool same(const T* before, const T* current) {
    return before == nullptr ? current == nullptr : current != nullptr && *before == *current;
  }

  ServerWatch& m_watch;
  const ServerState& m_start;
  ServerRestore& m_report;
  ServerState m_now;
  std::set<std::string> m_reported;  // keys a message was given for
};

void ServerWatch::put_back(ServerRestore& report) {
  if (m_window) {
    // A file was running when verify stopped (an error, a lost connection): what changed since
    // it began counts as its doing.
    std::unique_ptr<Window> window = std::move(m_window);
    attribute(*window, window->before, read());
  }
  PutBack(*this, report).run();
}

}  // namespace sqlgate::runner
