#pragma once
// Reader: loads the whole live state of an environment through an Api, with bounded
// parallelism: resources and applications first, then every resource's attributes and
// scopes and every application's grants at once. Grant names are resolved from ids.

#include "model/model.h"
#include "pingone/api.h"

namespace pingplan::pingone {

/// Reads every resource (built-ins included, with their scopes) and every application
/// (system apps included; callers skip what they do not manage).
ApiResult<model::LiveState> readLiveState(Api& api, int parallelism);

}  // namespace pingplan::pingone
