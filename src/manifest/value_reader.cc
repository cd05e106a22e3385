#include "manifest/value_reader.h"

#include "manifest/core_scalar.h"
#include "util/suggest.h"

namespace pingplan::manifest {

std::string describe(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::kMap:
      return "a mapping";
    case YamlNode::Kind::kSequence:
      return "a list";
    case YamlNode::Kind::kNull:
      return "nothing (null)";
    case YamlNode::Kind::kScalar:
      if (node.plain && !node.substituted) return manifest::describe(plainScalarType(node.value));
      return "a string";
  }
  return "a value";
}

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::optional<std::string> readString(const YamlNode& node, const std::string& field,
                                      Diagnostics& diagnostics) {
  if (node.failed) return std::nullopt;
  if (node.isScalar() &&
      (!node.plain || node.substituted || plainScalarType(node.value) == ScalarType::kString)) {
    return node.value;
  }
  std::string message = field + " must be a string, not " + describe(node);
  if (node.isScalar()) message += "; quote it: \"" + node.value + "\"";
  if (node.isNull()) message += "; write \"\" for an empty value";
  diagnostics.add(node.at, message);
  return std::nullopt;
}

std::optional<std::int64_t> readInteger(const YamlNode& node, const std::string& field,
                                        std::int64_t min, std::int64_t max,
                                        Diagnostics& diagnostics) {
  if (node.failed) return std::nullopt;
  std::optional<std::int64_t> value;
  if (node.isScalar() && (node.plain || node.substituted)) value = readInt(node.value);
  if (!value) {
    std::string message = field + " must be an integer, not " + describe(node);
    if (node.substituted)
      message = field + " must be an integer; substitution gave \"" + node.value + "\"";
    else if (node.isScalar() && readInt(node.value))
      message += "; remove the quotes";
    diagnostics.add(node.at, message);
    return std::nullopt;
  }
  if (*value < min || *value > max) {
    diagnostics.add(node.at, field + " must be between " + std::to_string(min) + " and " +
                                 std::to_string(max) + ", not " + std::to_string(*value));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> readBoolean(const YamlNode& node, const std::string& field,
                                Diagnostics& diagnostics) {
  if (node.failed) return std::nullopt;
  std::optional<bool> value;
  if (node.isScalar() && (node.plain || node.substituted)) value = readBool(node.value);
  if (!value) {
    std::string message = field + " must be true or false, not " + describe(node);
    if (node.isScalar() && (node.plain || node.substituted)) {
      message = field + " must be true or false, not \"" + node.value + "\"";
    }
    diagnostics.add(node.at, message);
  }
  return value;
}

std::optional<std::string> readEnum(const YamlNode& node, const std::string& label,
                                    const std::vector<std::string>& allowed,
                                    Diagnostics& diagnostics) {
  auto value = readString(node, label, diagnostics);
  if (!value) return std::nullopt;
  for (const auto& candidate : allowed) {
    if (candidate == *value) return value;
  }
  std::string message = "invalid " + label + " \"" + *value + "\"; ";
  if (auto guess = closestMatch(*value, allowed)) {
    message += "did you mean \"" + *guess + "\"?";
  } else {
    message += "expected one of " + joinNames(allowed);
  }
  diagnostics.add(node.at, message);
  return std::nullopt;
}

}  // namespace pingplan::manifest
