#pragma once
// Saved plans: `plan --out FILE` writes one, `apply FILE` and `show FILE` read it back.
// A saved plan is JSON with "format_version" and "kind": "pingplan-plan" (so apply tells it
// from a manifest by content) and holds no secret.

#include <string>

#include "plan/plan.h"
#include "util/result.h"

namespace pingplan::plan {

Json toJson(const Plan& plan);
Result<Plan, std::string> planFromJson(const Json& j);

/// True when `text` is a saved plan rather than a manifest.
bool looksLikeSavedPlan(const std::string& text);

/// Writes atomically (temporary file + rename). The error says what failed, with the path.
Status<std::string> writePlanFile(const std::string& path, const Plan& plan);
Result<Plan, std::string> readPlanFile(const std::string& path);

/// The fingerprint digest of a live object: a stable hash of its raw JSON without _links.
std::string digest(const Json& raw);

/// Fingerprints of every object `plan` depends on, recomputed from `live`; apply compares
/// these with the saved ones and names the first that differs.
std::vector<Fingerprint> fingerprintsFor(const Plan& plan, const model::LiveState& live);

}  // namespace pingplan::plan
