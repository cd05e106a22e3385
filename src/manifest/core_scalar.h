#pragma once
// How a plain (unquoted) YAML scalar reads under the YAML 1.2 core schema, the schema that
// editors and JSON Schema tools use: null, boolean, integer, float or string. The loader
// types fields by it, and the writer quotes strings that would otherwise read as another type.

#include <cstdint>
#include <optional>
#include <string>

namespace pingplan::manifest {

enum class ScalarType { kNull, kBool, kInt, kFloat, kString };

/// The core-schema type of a plain scalar's text.
ScalarType plainScalarType(const std::string& text);

/// "true"/"True"/"TRUE" and the false forms; nullopt for anything else.
std::optional<bool> readBool(const std::string& text);

/// A decimal integer ([-+]?[0-9]+) that fits in 64 bits; nullopt otherwise.
std::optional<std::int64_t> readInt(const std::string& text);

/// A word for the type, for messages: "a number", "a boolean", "null".
const char* describe(ScalarType type);

}  // namespace pingplan::manifest
