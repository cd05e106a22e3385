#include "manifest/jwks.h"

#include <nlohmann/json.hpp>

#include "manifest/core_scalar.h"
#include "manifest/value_reader.h"

namespace pingplan::manifest {

namespace {

nlohmann::ordered_json toJson(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::kNull:
      return nullptr;
    case YamlNode::Kind::kSequence: {
      auto out = nlohmann::ordered_json::array();
      for (const auto& item : node.items) out.push_back(toJson(item));
      return out;
    }
    case YamlNode::Kind::kMap: {
      auto out = nlohmann::ordered_json::object();
      for (const auto& entry : node.entries) out[entry.key.value] = toJson(entry.value);
      return out;
    }
    case YamlNode::Kind::kScalar:
      break;
  }
  if (node.plain && !node.substituted) {
    switch (plainScalarType(node.value)) {
      case ScalarType::kNull:
        return nullptr;
      case ScalarType::kBool:
        return *readBool(node.value);
      case ScalarType::kInt:
        if (auto i = readInt(node.value)) return *i;
        break;
      default:
        break;
    }
  }
  return node.value;
}

}  // namespace

std::optional<std::string> readJwks(const YamlNode& node, Diagnostics& diagnostics) {
  if (node.failed) return std::nullopt;
  nlohmann::ordered_json json;
  std::string text;
  if (node.isMap()) {
    json = toJson(node);
    text = json.dump();
  } else {
    auto value = readString(node, "jwks", diagnostics);
    if (!value) return std::nullopt;
    text = *value;
    json = nlohmann::ordered_json::parse(text, nullptr, false);
    if (json.is_discarded()) {
      diagnostics.add(node.at, "jwks is not valid JSON; give a JWK set such as {\"keys\": [...]}");
      return std::nullopt;
    }
  }
  if (!json.is_object() || !json.contains("keys") || !json["keys"].is_array()) {
    diagnostics.add(node.at, "jwks must be a JWK set: a JSON object with a \"keys\" list");
    return std::nullopt;
  }
  return text;
}

}  // namespace pingplan::manifest
