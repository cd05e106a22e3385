#pragma once
// Decodes one entry of `resources:` into a model::Resource, checking its own fields.

#include "manifest/sites.h"
#include "manifest/yaml_tree.h"
#include "model/model.h"

namespace pingplan::manifest {

/// Decodes a resource entry that is known to be a mapping. Reports problems of its own fields
/// (types, ranges, reserved names); rules across entries are checked later.
model::Resource decodeResource(const YamlNode& entry, ResourceSite& site, Diagnostics& diagnostics);

}  // namespace pingplan::manifest
