#pragma once
// Typed reading of one YAML value of the manifest: string, integer, boolean or enum value.
// Every reader reports a wrong type at the value and returns nullopt; a value whose
// substitution already failed returns nullopt silently. Plain scalars are typed by the YAML 1.2
// core schema; a value produced by substitution is typed by what it reads as.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "manifest/yaml_tree.h"

namespace pingplan::manifest {

/// What kind of YAML node this is, for messages: "a mapping", "a list", "a number"...
std::string describe(const YamlNode& node);

std::optional<std::string> readString(const YamlNode& node, const std::string& field,
                                      Diagnostics& diagnostics);
std::optional<std::int64_t> readInteger(const YamlNode& node, const std::string& field,
                                        std::int64_t min, std::int64_t max,
                                        Diagnostics& diagnostics);
std::optional<bool> readBoolean(const YamlNode& node, const std::string& field,
                                Diagnostics& diagnostics);
/// A string that must be one of `allowed`; `label` names it in messages ("grant type").
std::optional<std::string> readEnum(const YamlNode& node, const std::string& label,
                                    const std::vector<std::string>& allowed,
                                    Diagnostics& diagnostics);

/// "a, b, c"
std::string joinNames(const std::vector<std::string>& names);

}  // namespace pingplan::manifest
