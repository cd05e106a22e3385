#pragma once
// Decodes one entry of `applications:` into a model::Application, checking its own fields and
// the rules between them (IMPLICIT needs a token response type, PRIVATE_KEY_JWT needs keys).

#include "manifest/sites.h"
#include "manifest/yaml_tree.h"
#include "model/model.h"

namespace pingplan::manifest {

/// Decodes an application entry that is known to be a mapping. Grants are decoded by name;
/// whether they name known resources and scopes is checked later, across entries.
model::Application decodeApplication(const YamlNode& entry, ApplicationSite& site,
                                     Diagnostics& diagnostics);

}  // namespace pingplan::manifest
