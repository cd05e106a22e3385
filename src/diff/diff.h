#pragma once
// Diff: DesiredState x LiveState -> Plan. Pure and deterministic. Objects are matched by
// exact name; only the fields the manifest manages are compared, with PingOne's defaults
// applied on both sides; lists that are sets compare as sets. Built-ins and objects the
// manifest does not list are never touched; child lists of managed objects are
// authoritative (the CORE `sub` attribute is never deleted).
//
// Changes come out in execution order: sorted by plan::phase() (creates and updates
// parent-first, grant deletes before grant creates, other deletes child-first), then by
// parent and name.
//
// The CORE `sub` attribute is never created or deleted: PingOne makes it, as `${user.id}`,
// with every custom resource. A declared `sub` whose value differs from the live one is an
// Update; for a resource the plan creates, a declared `sub` other than `${user.id}` is an
// Update with an empty `id` (and `parentId`): the executor finds `sub` by name once the
// resource exists. An undeclared `sub` is left as it is.

#include <string>
#include <vector>

#include "model/model.h"
#include "plan/plan.h"
#include "util/result.h"

namespace pingplan::diff {

/// Why a plan cannot be made: two live objects share a managed name (naming both ids), a
/// grant names a scope that exists nowhere, a resource to delete is granted to an unmanaged
/// app (naming it)...
struct DiffError {
  std::string message;
};

Result<plan::Plan, std::vector<DiffError>> makePlan(const model::DesiredState& desired,
                                                    const model::LiveState& live);

}  // namespace pingplan::diff
