#pragma once
// Field checks shared by the store's rules: each reads one member of a request body and throws
// ApiError (400 INVALID_DATA with the member as target) when it is missing or malformed.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace emulator {

/// The body as an object; 400 INVALID_REQUEST when it is not one.
const nlohmann::json& requireObject(const nlohmann::json& body);
/// A required non-empty string member.
std::string requireString(const nlohmann::json& body, const std::string& name);
/// An optional string member (absent or null -> nullopt).
std::optional<std::string> optionalString(const nlohmann::json& body, const std::string& name);
/// A required boolean member.
bool requireBool(const nlohmann::json& body, const std::string& name);
/// An optional boolean member.
std::optional<bool> optionalBool(const nlohmann::json& body, const std::string& name);
/// A string member that must be one of allowed (required unless fallback is given).
std::string enumMember(const nlohmann::json& body, const std::string& name,
                       const std::vector<std::string>& allowed,
                       std::optional<std::string> fallback = std::nullopt);
/// An optional integer member within [min, max] (OUT_OF_RANGE otherwise), else fallback.
std::optional<int64_t> intInRange(const nlohmann::json& body, const std::string& name, int64_t min,
                                  int64_t max, std::optional<int64_t> fallback = std::nullopt);
/// An optional array of strings, each one of allowed when allowed is not empty.
std::optional<std::vector<std::string>> stringArray(const nlohmann::json& body,
                                                    const std::string& name,
                                                    const std::vector<std::string>& allowed = {});
/// True when value contains needle, ignoring ASCII case.
bool containsIgnoringCase(const std::string& value, const std::string& needle);

}  // namespace emulator
