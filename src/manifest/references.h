#pragma once
// Rules across entries: unique names, and grants that name known resources and only their
// scopes (one grant per resource, no two granted scopes of the same name, no openid scopes for
// a client-credentials-only app).

#include <vector>

#include "manifest/sites.h"
#include "model/model.h"

namespace pingplan::manifest {

void checkUniqueNames(const model::DesiredState& state, const std::vector<ResourceSite>& resources,
                      const std::vector<ApplicationSite>& applications, Diagnostics& diagnostics);

void checkGrants(const model::DesiredState& state, const std::vector<ApplicationSite>& applications,
                 Diagnostics& diagnostics);

}  // namespace pingplan::manifest
