// The pairing rules, one per file in rules/pairing/.
#pragma once

#include "lint/rule.h"

namespace sqlgate::rules::pairing {

lint::Rule missing_down();
lint::Rule orphan_down();
lint::Rule down_incomplete();
lint::Rule down_drops_foreign();
lint::Rule down_not_reversing();

}  // namespace sqlgate::rules::pairing
