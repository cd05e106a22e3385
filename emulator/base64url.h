#pragma once
// Base64 in its URL-safe unpadded form (JWTs, JWKs, cursors) and the standard form (Basic auth).

#include <optional>
#include <string>
#include <string_view>

namespace emulator {

/// Encodes bytes as base64url without padding.
std::string base64UrlEncode(std::string_view bytes);
/// Decodes base64url (padding tolerated); nullopt on a character outside the alphabet.
std::optional<std::string> base64UrlDecode(std::string_view text);
/// Decodes standard base64 (with padding), as HTTP Basic credentials use it.
std::optional<std::string> base64Decode(std::string_view text);

}  // namespace emulator
