// What verify's migrations can change on the whole PostgreSQL server, outside the scratch
// database: roles (attributes, password, settings, memberships, comments), the settings of the
// other databases, tablespaces, databases, and the privileges on parameters. ServerWatch records
// it before verify runs anything, notes what changes while each migration file runs, and
// afterwards puts back what the migrations changed, so that verify leaves the server as it found
// it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lint/sql.h"
#include "runner/database.h"

namespace sqlgate::runner {

struct RoleState {
  std::string name;
  // SUPERUSER, INHERIT, CREATEROLE, CREATEDB, LOGIN, REPLICATION, BYPASSRLS, in this order.
  std::vector<bool> attributes;
  int connection_limit = -1;
  std::optional<std::string> valid_until;  // ISO 8601 in UTC; nullopt: none
  std::optional<std::string> password;     // the stored hash, when the watch can read them
  std::optional<std::string> comment;

  bool operator==(const RoleState&) const = default;
};

// A row of pg_auth_members. Before PostgreSQL 16 a role is granted to a member once, and the
// grantor is part of the value; from 16 on each grantor's grant is a row of its own.
struct MembershipState {
  std::string role;  // oids
  std::string member;
  std::string grantor;
  bool admin = false;
  std::optional<bool> inherit;  // PostgreSQL 16 and later
  std::optional<bool> set;

  bool operator==(const MembershipState&) const = default;
};

// One setting of pg_db_role_setting.
struct SettingState {
  std::string database;  // oid; "0": every database
  std::string role;      // oid; "0": every role
  std::string name;      // as PostgreSQL spells it ("DateStyle")
  std::string value;     // as stored

  bool operator==(const SettingState&) const = default;
};

// A tablespace, a database, or a parameter that has privileges (pg_parameter_acl).
struct SharedObjectState {
  std::string name;
  std::string owner;       // oid; empty for a parameter
  std::string privileges;  // the ACL in effect (the default one written out when there is none)
  std::string properties;  // what else ALTER can change, as one text
  std::optional<std::string> comment;

  bool operator==(const SharedObjectState&) const = default;
};

struct ServerState {
  std::map<std::string, RoleState> roles;                // by oid
  std::map<std::string, MembershipState> memberships;    // by "role member" (+ " grantor" from 16)
  std::map<std::string, SettingState> settings;          // by "database role name"
  std::map<std::string, SharedObjectState> tablespaces;  // by oid
  std::map<std::string, SharedObjectState> databases;    // by oid; the scratch database left out
  std::map<std::string, SharedObjectState> parameters;   // by name
  bool passwords = false;                                // the roles' password hashes were read

  bool operator==(const ServerState&) const = default;
};

// Reads the state on a session to any database of the server, the database named `scratch` and
// its settings left out. Password hashes are read when `passwords` is set (pg_authid: superusers).
// The session's DateStyle and TimeZone must be ISO and UTC (ServerWatch sets them).
ServerState read_server_state(Session& session, const std::string& scratch, bool passwords);

// What verify did to leave the server as it found it, and what it could not do.
struct ServerRestore {
  std::vector<std::string> restored;      // "dropped role app_reader, created by x.up.sql"
  std::vector<std::string> not_restored;  // the server is not as verify found it
  // A role appeared while a migration ran that does not name it: someone else's, or made by SQL
  // verify cannot read; left alone.
  std::vector<std::string> notes;

  bool ok() const { return not_restored.empty(); }
};

// Watches the server around verify. A change is the migrations' when it happened while one of
// their files ran and that file names the object changed (a role, a database, a tablespace, a
// parameter; CURRENT_USER for verify's own role): so verify never touches what someone else
// changes on the server meanwhile.
class ServerWatch {
 public:
  // `server`: a connection string or URL to any database of the server, as for
  // TemporaryDatabase; `scratch`: the name of verify's database, left out. Records the state.
  // Throws ConnectionError when the server cannot be reached, ScratchError when the catalogs
  // cannot be read.
  ServerWatch(const std::string& server, std::string scratch);
  ~ServerWatch();
  ServerWatch(const ServerWatch&) = delete;
  ServerWatch& operator=(const ServerWatch&) = delete;

  // Around each migration file verify runs. Throws ConnectionError when the server goes away.
  void begin(const lint::ParsedFile& file);
  void end();

  // Puts back what the migrations changed: drops the roles and tablespaces they created (after
  // revoking what those roles were granted on databases, tablespaces and parameters), and on the
  // roles that existed before sets back renames, attributes, passwords (when it could read them),
  // settings, memberships and comments; the settings of other databases too. Call it once the
  // scratch database is dropped, or recreated empty. Never throws: what it cannot do is in
  // not_restored. Never drops a role that existed before, and changes one only back to what it
  // was; never prints a password.
  ServerRestore restore();

 private:
  struct Window;
  class PutBack;

  void connect();
  ServerState read();
  ServerState read_state();
  ServerState read_prepared();
  void attribute(const Window& window, const ServerState& before, const ServerState& after);
  bool names(const Window& window, const std::string& name) const;
  bool names_role(const Window& window, const ServerState& before, const ServerState& after,
                  const std::string& oid) const;
  void put_back(ServerRestore& report);

  std::string m_server;
  std::string m_scratch;
  std::unique_ptr<Session> m_session;
  std::set<std::string> m_prepared;  // the statements prepared on it
  int m_version = 0;
  std::string m_user_oid;  // the role verify connects as
  bool m_superuser = false;
  bool m_read_passwords = false;
  ServerState m_start;
  std::unique_ptr<Window> m_window;  // the file running, if any
  // What the migrations changed, by kind and key, with the file that did it first.
  std::map<std::string, std::string> m_touched;
  // Roles that appeared while a file ran that does not name them, by oid, with that file.
  std::map<std::string, std::string> m_strangers;
  // The last name seen of each role, by oid, for messages.
  std::map<std::string, std::string> m_names;
  // Files around which the state could not be read, with why.
  std::map<std::string, std::string> m_unwatched;
  // Passwords of roles that existed before, set by a statement verify saw but could not check:
  // "file:line" by role name.
  std::map<std::string, std::string> m_unread_passwords;
};

}  // namespace sqlgate::runner
