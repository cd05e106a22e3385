#include "manifest/core_scalar.h"

#include <charconv>
#include <regex>

namespace pingplan::manifest {

ScalarType plainScalarType(const std::string& text) {
  static const std::regex null("~|null|Null|NULL|");
  static const std::regex integer("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
  static const std::regex floating(
      "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|"
      "\\.nan|\\.NaN|\\.NAN");
  if (std::regex_match(text, null)) return ScalarType::kNull;
  if (readBool(text)) return ScalarType::kBool;
  if (std::regex_match(text, integer)) return ScalarType::kInt;
  if (std::regex_match(text, floating)) return ScalarType::kFloat;
  return ScalarType::kString;
}

std::optional<bool> readBool(const std::string& text) {
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  return std::nullopt;
}

std::optional<std::int64_t> readInt(const std::string& text) {
  static const std::regex decimal("[-+]?[0-9]+");
  if (!std::regex_match(text, decimal)) return std::nullopt;
  const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

const char* describe(ScalarType type) {
  switch (type) {
    case ScalarType::kNull:
      return "nothing (null)";
    case ScalarType::kBool:
      return "a boolean";
    case ScalarType::kInt:
    case ScalarType::kFloat:
      return "a number";
    case ScalarType::kString:
      return "a string";
  }
  return "a value";
}

}  // namespace pingplan::manifest
