#pragma once
// application/x-www-form-urlencoded bodies, as the token endpoint receives them.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace emulator {

/// The name=value pairs of a form body; nullopt on a malformed %-escape or a repeated name.
std::optional<std::map<std::string, std::string>> parseForm(std::string_view body);
/// Decodes %XX escapes and '+' (space); nullopt on a malformed escape.
std::optional<std::string> formDecode(std::string_view text);

}  // namespace emulator
