#include "manifest/core_scalar.h"

#include <cctype>
#include <charconv>

namespace pingplan::manifest {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// Consumes [0-9]+ (or the given class) from `text` at `i`; returns how many it took.
template <class Pred>
std::size_t span(const std::string& text, std::size_t& i, Pred pred) {
  const std::size_t start = i;
  while (i < text.size() && pred(text[i])) ++i;
  return i - start;
}

bool isInteger(const std::string& t) {
  std::size_t i = 0;
  if (t.size() > 2 && t[0] == '0' && (t[1] == 'o' || t[1] == 'x')) {
    i = 2;
    const bool hex = t[1] == 'x';
    return span(t, i,
                [hex](char c) {
                  return hex ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                             : c >= '0' && c <= '7';
                }) > 0 &&
           i == t.size();
  }
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  return span(t, i, isDigit) > 0 && i == t.size();
}

bool isFloat(const std::string& t) {
  if (t == ".nan" || t == ".NaN" || t == ".NAN") return true;
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  const std::string rest = t.substr(i);
  if (rest == ".inf" || rest == ".Inf" || rest == ".INF") return true;
  const std::size_t whole = span(t, i, isDigit);
  std::size_t fraction = 0;
  if (i < t.size() && t[i] == '.') {
    ++i;
    fraction = span(t, i, isDigit);
    if (whole == 0 && fraction == 0) return false;
  } else if (whole == 0) {
    return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    if (span(t, i, isDigit) == 0) return false;
  }
  return i == t.size();
}

}  // namespace

ScalarType plainScalarType(const std::string& text) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    return ScalarType::kNull;
  }
  if (readBool(text)) return ScalarType::kBool;
  if (isInteger(text)) return ScalarType::kInt;
  if (isFloat(text)) return ScalarType::kFloat;
  return ScalarType::kString;
}

std::optional<bool> readBool(const std::string& text) {
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  return std::nullopt;
}

std::optional<std::int64_t> readInt(const std::string& text) {
  std::size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  if (span(text, i, isDigit) == 0 || i != text.size()) return std::nullopt;
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
