#pragma once
// The `jwks` field: a JWK set as a JSON string (PingOne's form), or a YAML mapping that the
// loader serialises to that string.

#include <optional>
#include <string>

#include "manifest/yaml_tree.h"

namespace pingplan::manifest {

/// Reads `jwks` as a JSON string holding an object with a "keys" list; reports otherwise.
std::optional<std::string> readJwks(const YamlNode& node, Diagnostics& diagnostics);

}  // namespace pingplan::manifest
