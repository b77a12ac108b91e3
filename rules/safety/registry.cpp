#include "rules/registry.h"

namespace sqlgate::rules {

// One function per rule, each in its own file (rules/safety/<rule_id>.cpp).
lint::Rule require_concurrent_index();
lint::Rule require_concurrent_index_drop();
lint::Rule require_concurrent_reindex();
lint::Rule require_concurrent_detach();
lint::Rule require_drop_before_concurrent_index();
lint::Rule ban_volatile_default();
lint::Rule require_not_null_default();
lint::Rule ban_set_not_null();
lint::Rule ban_drop_not_null();
lint::Rule ban_alter_column_type();
lint::Rule require_not_valid();
lint::Rule ban_validate_in_same_transaction();
lint::Rule require_constraint_using_index();
lint::Rule ban_exclusion_constraint();
lint::Rule ban_alter_domain_constraint();
lint::Rule ban_create_domain_with_constraint();
lint::Rule ban_drop_table();
lint::Rule ban_drop_column();
lint::Rule ban_drop_database();
lint::Rule ban_truncate_cascade();
lint::Rule ban_rename_table();
lint::Rule ban_rename_column();
lint::Rule ban_vacuum_full();
lint::Rule ban_cluster();
lint::Rule require_lock_timeout();
lint::Rule ban_char_type();
lint::Rule prefer_text_over_varchar();
lint::Rule prefer_timestamptz();
lint::Rule prefer_bigint_key();
lint::Rule prefer_identity();
lint::Rule prefer_jsonb();
lint::Rule identifier_too_long();
lint::Rule duplicate_column_assignment();
lint::Rule require_enum_value_ordering();
lint::Rule unsupported_concurrently();
lint::Rule setval_below_minimum();
lint::Rule immutable_expression();
lint::Rule partitioned_table_options();
lint::Rule alter_type_without_using();
lint::Rule invalid_foreign_key();
lint::Rule invalid_trigger();
lint::Rule invalid_identity();
lint::Rule invalid_dml();
lint::Rule invalid_ddl();
lint::Rule missing_operator_class();
lint::Rule unique_without_partition_key();

void add_safety(std::vector<lint::Rule>& rules) {
  rules.push_back(require_concurrent_index());
  rules.push_back(require_concurrent_index_drop());
  rules.push_back(require_concurrent_reindex());
  rules.push_back(require_concurrent_detach());
  rules.push_back(require_drop_before_concurrent_index());
  rules.push_back(ban_volatile_default());
  rules.push_back(require_not_null_default());
  rules.push_back(ban_set_not_null());
  rules.push_back(ban_drop_not_null());
  rules.push_back(ban_alter_column_type());
  rules.push_back(require_not_valid());
  rules.push_back(ban_validate_in_same_transaction());
  rules.push_back(require_constraint_using_index());
  rules.push_back(ban_exclusion_constraint());
  rules.push_back(ban_alter_domain_constraint());
  rules.push_back(ban_create_domain_with_constraint());
  rules.push_back(ban_drop_table());
  rules.push_back(ban_drop_column());
  rules.push_back(ban_drop_database());
  rules.push_back(ban_truncate_cascade());
  rules.push_back(ban_rename_table());
  rules.push_back(ban_rename_column());
  rules.push_back(ban_vacuum_full());
  rules.push_back(ban_cluster());
  rules.push_back(require_lock_timeout());
  rules.push_back(ban_char_type());
  rules.push_back(prefer_text_over_varchar());
  rules.push_back(prefer_timestamptz());
  rules.push_back(prefer_bigint_key());
  rules.push_back(prefer_identity());
  rules.push_back(prefer_jsonb());
  rules.push_back(identifier_too_long());
  rules.push_back(duplicate_column_assignment());
  rules.push_back(require_enum_value_ordering());
  rules.push_back(unsupported_concurrently());
  rules.push_back(setval_below_minimum());
  rules.push_back(immutable_expression());
  rules.push_back(partitioned_table_options());
  rules.push_back(alter_type_without_using());
  rules.push_back(invalid_foreign_key());
  rules.push_back(invalid_trigger());
  rules.push_back(invalid_identity());
  rules.push_back(invalid_dml());
  rules.push_back(invalid_ddl());
  rules.push_back(missing_operator_class());
  rules.push_back(unique_without_partition_key());
}

}  // namespace sqlgate::rules
