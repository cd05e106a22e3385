#include "emulator/attribute_claims.h"

#include <cctype>
#include <string_view>

namespace emulator {
namespace {

void skipSpaces(std::string_view text, std::size_t& at) {
  while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
}

/// A string literal in single or double quotes at `at` (no escapes); advances past it.
std::optional<std::string> quoted(std::string_view text, std::size_t& at) {
  skipSpaces(text, at);
  if (at >= text.size() || (text[at] != '\'' && text[at] != '"')) return std::nullopt;
  char quote = text[at];
  std::size_t end = text.find(quote, at + 1);
  if (end == std::string_view::npos) return std::nullopt;
  std::string value(text.substr(at + 1, end - at - 1));
  at = end + 1;
  return value;
}

/// `{'a', 'b'}`: every element a string literal; nullopt for anything else.
std::optional<nlohmann::json> collection(std::string_view text) {
  std::size_t at = 1;
  nlohmann::json items = nlohmann::json::array();
  skipSpaces(text, at);
  if (at < text.size() && text[at] == '}')
    return at + 1 == text.size() ? std::optional(items) : std::nullopt;
  while (true) {
    auto item = quoted(text, at);
    if (!item) return std::nullopt;
    items.push_back(*item);
    skipSpaces(text, at);
    if (at < text.size() && text[at] == ',') {
      ++at;
      continue;
    }
    if (at < text.size() && text[at] == '}') break;
    return std::nullopt;
  }
  skipSpaces(text, ++at);
  if (at != text.size()) return std::nullopt;
  return items;
}

}  // namespace

std::optional<nlohmann::json> staticClaimValue(const std::string& value) {
  if (value.find("${") == std::string::npos) return nlohmann::json(value);
  if (value.size() < 3 || value.compare(0, 2, "${") != 0 || value.back() != '}') {
    return std::nullopt;  // text around an expression: evaluated per user
  }
  std::string_view inner(value);
  inner = inner.substr(2, inner.size() - 3);
  std::size_t start = 0;
  skipSpaces(inner, start);
  inner.remove_prefix(start);
  while (!inner.empty() && std::isspace(static_cast<unsigned char>(inner.back()))) {
    inner.remove_suffix(1);
  }
  if (!inner.empty() && inner.front() == '{') return collection(inner);
  std::size_t at = 0;
  auto literal = quoted(inner, at);
  if (literal && at == inner.size()) return nlohmann::json(*literal);
  return std::nullopt;
}

}  // namespace emulator
