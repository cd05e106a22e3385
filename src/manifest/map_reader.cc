#include "manifest/map_reader.h"

#include <set>

#include "util/suggest.h"

namespace pingplan::manifest {

MapReader::MapReader(const YamlNode& map, std::string what, std::vector<std::string> keys,
                     Diagnostics& diagnostics)
    : map_(map), what_(std::move(what)), diagnostics_(diagnostics) {
  std::set<std::string> seen;
  for (const auto& entry : map_.entries) {
    const YamlNode& key = entry.key;
    if (!key.isScalar()) {
      diagnostics_.add(key.at, "a key in " + what_ + " must be a plain name, not " + describe(key));
      continue;
    }
    if (!seen.insert(key.value).second) {
      diagnostics_.add(key.at,
                       "duplicate key \"" + key.value + "\" in " + what_ + "; keep one of them");
      continue;
    }
    bool known = false;
    for (const auto& k : keys) known = known || k == key.value;
    if (known) continue;
    std::string message = "unknown key \"" + key.value + "\" in " + what_ + "; ";
    if (auto guess = closestMatch(key.value, keys)) {
      message += "did you mean \"" + *guess + "\"?";
    } else {
      message += "expected one of " + joinNames(keys);
    }
    diagnostics_.add(key.at, message);
  }
}

const YamlNode* MapReader::find(const std::string& key) const {
  for (const auto& entry : map_.entries) {
    if (entry.key.isScalar() && entry.key.value == key) return &entry.value;
  }
  return nullptr;
}

const YamlNode* MapReader::require(const std::string& key) const {
  const YamlNode* value = find(key);
  if (!value) diagnostics_.add(map_.at, "missing required key \"" + key + "\" in " + what_);
  return value;
}

const YamlNode* MapReader::list(const std::string& key) const {
  const YamlNode* value = find(key);
  if (!value || value->failed) return nullptr;
  if (!value->isSequence()) {
    diagnostics_.add(value->at, key + " must be a list, not " + describe(*value) +
                                    (value->isNull() ? "; write [] for an empty list" : ""));
    return nullptr;
  }
  return value;
}

std::optional<std::string> MapReader::string(const std::string& key) const {
  const YamlNode* value = find(key);
  return value ? readString(*value, key, diagnostics_) : std::nullopt;
}

std::optional<std::int64_t> MapReader::integer(const std::string& key, std::int64_t min,
                                               std::int64_t max) const {
  const YamlNode* value = find(key);
  return value ? readInteger(*value, key, min, max, diagnostics_) : std::nullopt;
}

std::optional<bool> MapReader::boolean(const std::string& key) const {
  const YamlNode* value = find(key);
  return value ? readBoolean(*value, key, diagnostics_) : std::nullopt;
}

std::optional<std::string> MapReader::enumeration(const std::string& key,
                                                  const std::vector<std::string>& allowed) const {
  const YamlNode* value = find(key);
  return value ? readEnum(*value, key, allowed, diagnostics_) : std::nullopt;
}

bool expectMap(const YamlNode& node, const std::string& what, Diagnostics& diagnostics) {
  if (node.isMap()) return true;
  if (!node.failed) diagnostics.add(node.at, what + " must be a mapping, not " + describe(node));
  return false;
}

}  // namespace pingplan::manifest
