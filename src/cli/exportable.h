#pragma once
// What `pingplan export` writes: the live state reduced to what a manifest manages. Custom
// resources and OIDC apps of the manageable types only; built-ins, system apps and the app
// pingplan authenticates as are left out, and so is a CORE `sub` still at ${user.id}.
// Live-only fields (ids, raw JSON) are cleared.

#include <string>

#include "model/model.h"

namespace pingplan::cli {

/// `selfClientId` is the client id pingplan authenticates with (empty: none to leave out).
model::DesiredState exportable(const model::LiveState& live, const std::string& selfClientId);

}  // namespace pingplan::cli
