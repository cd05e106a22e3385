#pragma once
// Base64 and base64url (RFC 4648) for JWTs, JWKs and Basic authentication.

#include <optional>
#include <string>
#include <string_view>

namespace pingplan::pingone {

std::string base64Encode(std::string_view bytes);     // padded, standard alphabet
std::string base64UrlEncode(std::string_view bytes);  // unpadded, URL alphabet
/// Accepts the URL or the standard alphabet, padded or not; nullopt on other characters.
std::optional<std::string> base64UrlDecode(std::string_view text);

}  // namespace pingplan::pingone
