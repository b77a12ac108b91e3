// Guards: what keeps a statement that a DO block runs from failing, or from changing the state
// again, when its migration runs a second time.
//
// A statement is guarded when
//   - an enclosing IF / ELSIF / ELSE branch or CASE WHEN is taken only after a test of the
//     catalog: EXISTS / NOT EXISTS over pg_catalog or information_schema, to_regclass(),
//     to_regtype(), ..., FOUND after a PERFORM or SELECT INTO over the catalog, or a variable
//     set from such a query;
//   - an earlier IF in the same or an enclosing block tested the catalog and returned;
//     a test counts only when it can find one of the objects the file creates, drops, alters or
//     renames (lint/guard_match.h): one that compares typname = 'OrderStatus' while the type
//     is orderstatus gives the same answer on every run. It finds them as the first run leaves
//     them: what is on a table the file renames later, on the new name too; what the branch
//     makes and drops (or renames away) again, by none of its names;
//   - it runs in the EXCEPTION handler of a block whose body only looks an object up
//     (PERFORM 'x'::regclass) and the handler catches what the lookup raises while the object
//     is missing: once the handler has made it, the lookup succeeds;
//   - an enclosing block has an EXCEPTION handler, that does not raise again, for the condition
//     the second run raises (or OTHERS);
//   - an earlier statement of an enclosing block fails on the second run and that block's
//     handler catches it: the rest of the block is not reached.
// What a second run raises is mapped here too, statement by statement, as PostgreSQL 15 does.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/guard_match.h"
#include "lint/sql.h"
#include "lint/tree.h"

namespace sqlgate::lint {

// A PostgreSQL error condition: PL/pgSQL's name for it and its SQLSTATE.
struct Condition {
  std::string_view name;
  std::string_view sqlstate;

  bool operator==(const Condition&) const = default;
};

namespace condition {
inline constexpr Condition duplicate_object{"duplicate_object", "42710"};
inline constexpr Condition duplicate_table{"duplicate_table", "42P07"};
inline constexpr Condition duplicate_column{"duplicate_column", "42701"};
inline constexpr Condition duplicate_function{"duplicate_function", "42723"};
inline constexpr Condition duplicate_schema{"duplicate_schema", "42P06"};
inline constexpr Condition duplicate_database{"duplicate_database", "42P04"};
inline constexpr Condition invalid_table_definition{"invalid_table_definition", "42P16"};
inline constexpr Condition undefined_object{"undefined_object", "42704"};
inline constexpr Condition undefined_table{"undefined_table", "42P01"};
inline constexpr Condition undefined_column{"undefined_column", "42703"};
inline constexpr Condition undefined_function{"undefined_function", "42883"};
inline constexpr Condition invalid_schema_name{"invalid_schema_name", "3F000"};
inline constexpr Condition invalid_catalog_name{"invalid_catalog_name", "3D000"};
inline constexpr Condition unique_violation{"unique_violation", "23505"};
inline constexpr Condition wrong_object_type{"wrong_object_type", "42809"};
inline constexpr Condition object_not_in_prerequisite_state{"object_not_in_prerequisite_state",
                                                            "55000"};
inline constexpr Condition invalid_parameter_value{"invalid_parameter_value", "22023"};
inline constexpr Condition invalid_object_definition{"invalid_object_definition", "42P17"};
inline constexpr Condition syntax_error{"syntax_error", "42601"};
inline constexpr Condition dependent_objects_still_exist{"dependent_objects_still_exist", "2BP01"};
inline constexpr Condition feature_not_supported{"feature_not_supported", "0A000"};
inline constexpr Condition invalid_transaction_termination{"invalid_transaction_termination",
                                                           "2D000"};
}  // namespace condition

// Whether an EXCEPTION clause's condition, as written ("duplicate_object", "OTHERS", a
// SQLSTATE such as "42P07", or a class such as "syntax_error_or_access_rule_violation"),
// catches an error.
bool catches(std::string_view handler_condition, const Condition& error);

// Whether a guard around a statement a DO block runs may keep it from running or from failing
// on `error`: an IF (or CASE) branch or an exception handler's body it runs in, when `branches`
// count (whether it runs then depends on what the guard tests), or a block with an exception
// handler. With `error` given, only a handler that catches it counts: a block whose handlers
// catch other conditions (WHEN duplicate_object) does not keep the statement from failing on it.
bool conditional(const Statement& statement, std::optional<Condition> error = std::nullopt,
                 bool branches = true);

// The error a second run of a statement raises (checked on PostgreSQL 15), or nothing when a
// second run raises none: it succeeds, and either changes nothing or adds another object or
// row. The two-argument form judges one subcommand of an ALTER TABLE / ALTER TYPE statement.
std::optional<Condition> repeat_error(const Node& statement);
std::optional<Condition> repeat_error(const Node& statement, const Node& command);

// What a second run of OPTIONS (ADD a '...', DROP b) in an ALTER SERVER / FOREIGN DATA WRAPPER /
// USER MAPPING / FOREIGN TABLE raises: the condition of its first ADD or DROP (SET changes
// nothing on a repeat). ADD is what an option without ADD, SET or DROP means there.
std::optional<Condition> options_error(const NodeList& options);

enum class GuardKind : std::uint8_t {
  catalog_test,       // an IF / ELSIF / ELSE branch or CASE WHEN after a catalog test
  early_return,       // an earlier IF tested the catalog and returned
  exception_handler,  // a block's EXCEPTION handler catches what a second run raises
  not_reached,        // an earlier statement of the block fails first, and is caught
  failed_lookup,      // in the handler for a lookup (PERFORM 'x'::regclass) of what it makes
};

struct Guard {
  GuardKind kind = GuardKind::catalog_test;
  std::size_t frame = 0;  // index in Statement::frames of the construct that guards
  std::string test;       // the tested expression, or the condition the handler names
};

// What a guard must cover for one statement.
struct GuardQuery {
  // What its second run raises; empty when it raises nothing (only a test can guard it then).
  std::vector<Condition> errors;
  // Tables whose rows a test may look at instead of the catalog (an INSERT's target:
  // IF NOT EXISTS (SELECT 1 FROM target WHERE ...) guards the INSERT).
  std::vector<RelationName> tables;
  // A rename whose old name the file makes again afterwards: only a test that can find the
  // new name guards it.
  bool new_name_only = false;
};

class GuardAnalysis {
 public:
  explicit GuardAnalysis(const ParsedFile& file);
  ~GuardAnalysis();
  GuardAnalysis(const GuardAnalysis&) = delete;
  GuardAnalysis& operator=(const GuardAnalysis&) = delete;

  // The guard around a statement a DO block runs; nothing for a top-level statement or an
  // unguarded one. When a catalog test stood around it but cannot find what it guards,
  // `mismatch` receives why ("the guard tests typname = 'OrderStatus', but the type is named
  // orderstatus").
  std::optional<Guard> find(const Statement& statement, const GuardQuery& query,
                            std::string* mismatch = nullptr) const;

  // The expression a guard tests (Guard::test), parsed: the value of `SELECT <test>`; an invalid
  // Node when it does not parse as an expression.
  Node condition(std::string_view test) const;

  // Whether an SQL expression (a PL/pgSQL condition) reads the catalog or one of `tables`,
  // without following PL/pgSQL variables.
  bool reads_catalog(std::string_view expression,
                     const std::vector<RelationName>& tables = {}) const;

 private:
  struct Place;
  struct Judging;
  // A statement list of a DO block, and where in it an IF ... THEN ... RETURN stands.
  struct StatementList {
    std::vector<Node> statements;
    std::vector<std::size_t> returns;
  };
  const StatementList& list_of(const Statement& statement, std::size_t frame) const;
  std::optional<Condition> fails_first(const Statement& statement, std::size_t frame,
                                       const std::vector<Node>& handlers) const;
  bool tests_catalog(std::string_view expression, const Statement& statement, const Place& place,
                     const GuardQuery& query, Judging& judging, int depth) const;
  bool variable_from_catalog(std::string_view name, const Statement& statement, const Place& place,
                             const GuardQuery& query, Judging& judging, int depth) const;
  // What every statement of the file creates, drops, alters or renames: what the first run
  // changes, and so what a test may find changed. Made once, indexed for guard_mismatch().
  const TargetIndex& file_targets() const;
  // The objects the statement itself changes.
  const std::vector<const GuardTarget*>& own_targets(const Statement& statement,
                                                     const GuardQuery& query) const;
  // Sets new_parent of the targets of a statement: the name the renames of the file after it
  // give the table a column, constraint, ... is on. After the first run the test finds them there.
  void follow_renames(std::vector<GuardTarget>& targets, const Statement& owner) const;
  // What a branch of the IF or CASE at frames[branch] of the statement makes and then drops or
  // renames away (see Transient); null when it leaves everything it makes.
  const std::vector<Transient>* transients(const Statement& statement, std::size_t branch) const;
  bool lookup_handler(const Statement& statement, std::size_t frame) const;
  // Marks the targets of a statement whose written schema is not on the search path the file set
  // before it (GuardTarget::on_path).
  void mark_path(const Statement& statement, std::vector<GuardTarget>& targets) const;
  Node expression_tree(std::string_view expression) const;
  Node do_function(const Statement& statement) const;

  const ParsedFile* m_file;
  std::unique_ptr<Documents> m_documents;
  mutable std::map<std::string, Node, std::less<>> m_expressions;
  mutable std::map<std::string, std::unique_ptr<StatementList>> m_lists;
  // Every statement's targets (old names included), in file order, made once.
  mutable std::optional<std::vector<std::pair<const Statement*, GuardTarget>>> m_all_targets;
  mutable TargetIndex m_file_index;
  // own_targets() by statement: [0] with old names, [1] new names only.
  struct OwnTargets {
    std::vector<GuardTarget> targets;
    std::vector<const GuardTarget*> view;
  };
  mutable std::array<std::map<const Statement*, OwnTargets>, 2> m_own_targets;
  // The file's renames of relations, by the old name.
  struct RelationRename {
    std::uint32_t ordinal = 0;  // the statement's, in all_statements()
    std::string schema;
    bool schema_given = false;
    std::string new_name;
  };
  mutable std::optional<std::map<std::string, std::vector<RelationRename>, std::less<>>> m_renames;
  // transients(), by branch (branch_key()).
  mutable std::optional<std::map<std::string, std::vector<Transient>>> m_transients;
  // The search path the file set before each top-level statement; nullopt where it set none (or
  // set it back): the configured one, which guards are not judged by. Made once.
  mutable std::optional<std::vector<std::optional<std::vector<std::string>>>> m_paths;
};

}  // namespace sqlgate::lint
