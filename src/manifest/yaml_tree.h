#pragma once
// The manifest's YAML as a plain tree that keeps the position of every node, duplicate keys
// and the quoting of scalars (yaml-cpp's own Node loses the last two).

#include <optional>
#include <string>
#include <vector>

#include "manifest/diagnostics.h"

namespace pingplan::manifest {

struct YamlEntry;

/// One YAML node. Scalars keep their text as written (after YAML unescaping) and whether they
/// were plain (unquoted), which decides how they read under the YAML 1.2 core schema.
struct YamlNode {
  enum class Kind { kNull, kScalar, kMap, kSequence };
  Kind kind = Kind::kNull;
  std::string value;         // scalars
  bool plain = false;        // scalars: written without quotes and without a tag
  bool substituted = false;  // scalars: `value` is the result of a $(...) substitution
  bool failed = false;       // substitution failed here (already reported): skip the value
  Position at;
  std::vector<YamlEntry> entries;  // maps, in file order (duplicates kept)
  std::vector<YamlNode> items;     // sequences

  bool isMap() const { return kind == Kind::kMap; }
  bool isSequence() const { return kind == Kind::kSequence; }
  bool isScalar() const { return kind == Kind::kScalar; }
  bool isNull() const { return kind == Kind::kNull; }
};

/// A key and its value in a map.
struct YamlEntry {
  YamlNode key;
  YamlNode value;
};

/// A YAML syntax error: where and what.
struct YamlError {
  Position at;
  std::string message;
};

/// Parses the first document of `text`; an empty text gives a null node at 1:1.
/// Anchors and aliases are resolved by copying the anchored node.
std::optional<YamlNode> parseYaml(const std::string& text, YamlError& error);

}  // namespace pingplan::manifest
