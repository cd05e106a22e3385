#pragma once
// Stale saved plans: whether the live objects a saved plan read have changed since, named
// the way a user knows them: application "Orchestration Tool", scope "x" of resource "R".

#include <optional>
#include <string>

#include "model/model.h"
#include "plan/plan.h"

namespace pingplan::cli {

/// The first object whose fingerprint differs between the saved plan and `live`, described:
/// `scope "x" of resource "R" was modified (id ...)`; nullopt while the plan is current.
std::optional<std::string> staleObject(const plan::Plan& saved, const model::LiveState& live);

/// A fingerprint key ("scope:R/x") in words (`scope "x" of resource "R"`), using the plan's
/// changes and manifest to split parent from name.
std::string describeKey(const std::string& key, const plan::Plan& plan);

}  // namespace pingplan::cli
