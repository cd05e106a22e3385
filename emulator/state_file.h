#pragma once
// The --state file: the store, the worker's id and the token signing key as one JSON document,
// written atomically (temporary file + rename) so a crash never leaves half a file.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace emulator {

/// Reads path; nullopt when it does not exist. Throws std::runtime_error when it exists but is
/// unreadable or not JSON.
std::optional<nlohmann::json> readStateFile(const std::string& path);
/// Writes document to path atomically; throws std::runtime_error on failure.
void writeStateFile(const std::string& path, const nlohmann::json& document);

}  // namespace emulator
