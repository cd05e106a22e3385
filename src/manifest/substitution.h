#pragma once
// Substitution in scalar values, before validation: $(env:NAME), $(env:NAME:-default),
// $(file:path) and $$( for a literal "$(". PingOne expressions ${...} pass through untouched.

#include <string>

#include "manifest/loader.h"
#include "manifest/yaml_tree.h"
#include "util/result.h"

namespace pingplan::manifest {

/// Where substitution looks things up: the environment and the manifest's directory.
struct SubstitutionContext {
  EnvLookup env;
  std::string baseDir;  // $(file:path) is relative to it; empty means the current directory
};

/// A failed substitution: the offset of its "$(" in the text and what went wrong.
struct SubstitutionError {
  std::size_t offset = 0;
  std::string message;
};

/// The text with every $(...) replaced; `changed` says whether any was.
struct Substituted {
  std::string text;
  bool changed = false;
};

Result<Substituted, SubstitutionError> substitute(const std::string& text,
                                                  const SubstitutionContext& context);

/// Substitutes every scalar value (never keys) of the tree in place. A failure is reported at
/// the "$(" that caused it and marks the node `failed`. `source` is the manifest text, used to
/// find that column.
void substituteTree(YamlNode& root, const SubstitutionContext& context, const std::string& source,
                    Diagnostics& diagnostics);

}  // namespace pingplan::manifest
