#include "emulator/fields.h"

#include <algorithm>
#include <cctype>

#include "emulator/api_error.h"

namespace emulator {
namespace {

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

const nlohmann::json* member(const nlohmann::json& body, const std::string& name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return nullptr;
  return &*it;
}

}  // namespace

const nlohmann::json& requireObject(const nlohmann::json& body) {
  if (!body.is_object()) throw invalidRequest("The request body must be a JSON object.");
  return body;
}

std::string requireString(const nlohmann::json& body, const std::string& name) {
  const auto* value = member(body, name);
  if (value == nullptr) throw invalidData("REQUIRED_VALUE", name, "A value is required.");
  if (!value->is_string()) throw invalidData("INVALID_VALUE", name, "Must be a string.");
  if (value->get<std::string>().empty()) {
    throw invalidData("EMPTY_VALUE", name, "Must not be empty.");
  }
  return value->get<std::string>();
}

std::optional<std::string> optionalString(const nlohmann::json& body, const std::string& name) {
  const auto* value = member(body, name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) throw invalidData("INVALID_VALUE", name, "Must be a string.");
  return value->get<std::string>();
}

bool requireBool(const nlohmann::json& body, const std::string& name) {
  auto value = optionalBool(body, name);
  if (!value) throw invalidData("REQUIRED_VALUE", name, "A value is required.");
  return *value;
}

std::optional<bool> optionalBool(const nlohmann::json& body, const std::string& name) {
  const auto* value = member(body, name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) throw invalidData("INVALID_VALUE", name, "Must be a boolean.");
  return value->get<bool>();
}

std::string enumMember(const nlohmann::json& body, const std::string& name,
                       const std::vector<std::string>& allowed,
                       std::optional<std::string> fallback) {
  const auto* value = member(body, name);
  if (value == nullptr) {
    if (fallback) return *fallback;
    throw invalidData("REQUIRED_VALUE", name, "A value is required.");
  }
  if (!value->is_string() ||
      std::find(allowed.begin(), allowed.end(), value->get<std::string>()) == allowed.end()) {
    throw invalidData("INVALID_VALUE", name, "Must be one of: " + joined(allowed) + ".",
                      {{"allowedValues", allowed}});
  }
  return value->get<std::string>();
}

std::optional<int64_t> intInRange(const nlohmann::json& body, const std::string& name, int64_t min,
                                  int64_t max, std::optional<int64_t> fallback) {
  const auto* value = member(body, name);
  if (value == nullptr) return fallback;
  if (!value->is_number_integer()) throw invalidData("INVALID_VALUE", name, "Must be an integer.");
  int64_t v = value->get<int64_t>();
  if (v < min || v > max) {
    throw invalidData(
        "OUT_OF_RANGE", name,
        "Must be between " + std::to_string(min) + " and " + std::to_string(max) + ".",
        {{"rangeMinimumValue", min}, {"rangeMaximumValue", max}});
  }
  return v;
}

std::optional<std::vector<std::string>> stringArray(const nlohmann::json& body,
                                                    const std::string& name,
                                                    const std::vector<std::string>& allowed) {
  const auto* value = member(body, name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_array()) throw invalidData("INVALID_VALUE", name, "Must be an array.");
  std::vector<std::string> out;
  for (const auto& item : *value) {
    if (!item.is_string()) throw invalidData("INVALID_VALUE", name, "Must hold strings.");
    const auto& text = item.get_ref<const std::string&>();
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), text) == allowed.end()) {
      throw invalidData("INVALID_VALUE", name, "Values must be among: " + joined(allowed) + ".",
                        {{"allowedValues", allowed}});
    }
    out.push_back(text);
  }
  return out;
}

bool containsIgnoringCase(const std::string& value, const std::string& needle) {
  std::string lower = value;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find(needle) != std::string::npos;
}

}  // namespace emulator
