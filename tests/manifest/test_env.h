#pragma once
// Helpers shared by the manifest tests: a fake environment and the source tree's paths.

#include <map>
#include <string>

#include "manifest/loader.h"

namespace pingplan::manifest::testing {

/// An EnvLookup over a fixed map, so tests never depend on the process environment.
inline EnvLookup fakeEnv(std::map<std::string, std::string> vars = {}) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

inline std::string sourcePath(const std::string& relative) {
  return std::string(PINGPLAN_SOURCE_DIR) + "/" + relative;
}

}  // namespace pingplan::manifest::testing
