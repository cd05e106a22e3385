#pragma once
// Reads one mapping of the manifest (the top level, a resource, a scope...) against the keys it
// may hold: unknown keys (with "did you mean") and duplicate keys are reported once, when the
// reader is made; then fields are looked up by name and read with the value readers.

#include <string>
#include <vector>

#include "manifest/value_reader.h"

namespace pingplan::manifest {

/// A checked view of one YAML mapping; `what` names it in messages ("resource").
class MapReader {
 public:
  MapReader(const YamlNode& map, std::string what, std::vector<std::string> keys,
            Diagnostics& diagnostics);

  /// The value of `key` (its first occurrence), or nullptr when absent.
  const YamlNode* find(const std::string& key) const;
  /// Reports `missing required key` at the mapping when `key` is absent; returns find(key).
  const YamlNode* require(const std::string& key) const;
  /// The value of `key` when it is a list; reports other kinds. nullptr when absent or wrong.
  const YamlNode* list(const std::string& key) const;

  std::optional<std::string> string(const std::string& key) const;
  std::optional<std::int64_t> integer(const std::string& key, std::int64_t min,
                                      std::int64_t max) const;
  std::optional<bool> boolean(const std::string& key) const;
  std::optional<std::string> enumeration(const std::string& key,
                                         const std::vector<std::string>& allowed) const;

  const YamlNode& node() const { return map_; }
  Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  const YamlNode& map_;
  std::string what_;
  Diagnostics& diagnostics_;
};

/// Reports `what` must be a mapping when `node` is not one; true when it is.
bool expectMap(const YamlNode& node, const std::string& what, Diagnostics& diagnostics);

}  // namespace pingplan::manifest
