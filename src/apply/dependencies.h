#pragma once
// Dependencies between the changes of a plan: which earlier changes must have succeeded for
// a change to be attempted. Creates and updates need their parent (a scope its resource, a
// grant its application, resource and scopes, a grant create the same app's grant deletes);
// deletes need their children gone first (a resource its scopes, attributes and the grants
// on it; a scope the grants that held it; an application its grant deletes).

#include <cstddef>
#include <vector>

#include "plan/plan.h"

namespace pingplan::apply {

/// For each change, the indices of the changes of earlier phases it depends on.
std::vector<std::vector<std::size_t>> dependencies(const std::vector<plan::Change>& changes);

/// True when `change` can only be attempted once `earlier` succeeded.
bool dependsOn(const plan::Change& change, const plan::Change& earlier);

}  // namespace pingplan::apply
