#pragma once
// Loads a manifest (version 1): YAML -> substitution -> validation -> DesiredState. Every
// problem of a file is collected and reported at once, each with the file:line:col of the
// offending value. The only folder that includes yaml-cpp.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"

namespace pingplan::manifest {

/// One problem in a manifest, at a 1-based line and column of the file as the user named it.
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  /// "FILE:LINE:COL: error: MESSAGE"
  std::string str() const;
};

/// Looks up an environment variable; the default reads the process environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvLookup processEnvironment();

struct LoadResult {
  model::DesiredState state;            // complete only when diagnostics is empty
  std::vector<Diagnostic> diagnostics;  // sorted by position
  bool ok() const { return diagnostics.empty(); }
};

/// Reads and validates the manifest at `path` (as the user wrote it; used in diagnostics).
LoadResult loadManifest(const std::string& path, const EnvLookup& env = processEnvironment());

/// The same for text in memory; `path` names it in diagnostics and anchors $(file:...).
LoadResult loadManifestText(const std::string& text, const std::string& path,
                            const EnvLookup& env = processEnvironment());

}  // namespace pingplan::manifest
