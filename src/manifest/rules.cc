#include "manifest/rules.h"

#include <algorithm>
#include <cctype>

#include "manifest/vocabulary.h"

namespace pingplan::manifest::rules {

std::optional<std::string> audience(const std::string& value) {
  std::string lower = value;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* word : {"pingone", "pingidentity"}) {
    if (lower.find(word) != std::string::npos) {
      return "audience \"" + value + "\" contains \"" + word +
             "\", which PingOne reserves; choose another audience";
    }
  }
  return std::nullopt;
}

std::optional<std::string> scopeName(const std::string& value) {
  if (value.empty()) return "scope name must not be empty";
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x21 || u > 0x7e || c == '"' || c == '\\') {
      std::string shown = u == ' '               ? "space"
                          : u < 0x21 || u > 0x7e ? "non-ASCII or control"
                                                 : std::string("'") + c + "'";
      return "scope name \"" + value + "\" contains a " + shown +
             " character; scope names are printable ASCII without space, '\"' or '\\' (RFC "
             "6749)";
    }
  }
  return std::nullopt;
}

std::optional<std::string> attributeName(const std::string& value) {
  if (value.empty()) return "attribute name must not be empty";
  if (vocabulary::isReservedAttributeName(value)) {
    return "attribute name \"" + value +
           "\" is reserved by PingOne (acr amr aud auth_time client_id env exp iat iss jti org "
           "scope sid and p1.*); choose another name";
  }
  return std::nullopt;
}

std::optional<std::string> jwksUrl(const std::string& value) {
  if (value.rfind("https://", 0) != 0 || value.size() == 8) {
    return "jwksUrl \"" + value + "\" must be an https:// URL";
  }
  return std::nullopt;
}

std::optional<std::string> redirectUri(const std::string& value) {
  if (value.empty()) return std::string("a redirect URI must not be empty");
  if (value.find('*') != std::string::npos) {
    return "redirect URI \"" + value + "\" contains a wildcard '*', which PingOne refuses here";
  }
  return std::nullopt;
}

std::optional<std::string> name(const std::string& value) {
  if (value.empty()) return std::string("name must not be empty");
  return std::nullopt;
}

}  // namespace pingplan::manifest::rules
