// The ordering rules, one per file in rules/ordering/.
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules::ordering {

lint::Rule alter_type_default();
lint::Rule already_exists();
lint::Rule alter_type_dependents();
lint::Rule drop_order();
lint::Rule incompatible_replace();
lint::Rule use_before_create();

}  // namespace sqlgate::rules::ordering
