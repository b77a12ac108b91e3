// Looking relations up by name as PostgreSQL does, for the ordering rules.
#pragma once

#include "lint/catalog.h"

namespace sqlgate::rules::ordering {

// The relation PostgreSQL finds under a name at a tick (lint::relation_named()).
using lint::relation_named;

}  // namespace sqlgate::rules::ordering
