#pragma once
// One-line names of changes for progress lines and messages: "resource Orchestration API",
// "scope Orchestration API/orchestration:admin", "grant Orchestration Tool -> Orchestration API".

#include <string>

#include "plan/plan.h"

namespace pingplan::apply {

/// "KIND NAME", with the parent where the kind has one.
std::string describe(const plan::Change& change);

/// "created" | "updated" | "replaced" | "deleted".
const char* pastTense(plan::Action action);

}  // namespace pingplan::apply
