#pragma once
// Rules PingOne applies to single values, checked offline. Each returns the message for a
// value that breaks it, or nullopt.

#include <optional>
#include <string>

namespace pingplan::manifest::rules {

/// An audience may not contain "pingone" or "pingidentity" (any case).
std::optional<std::string> audience(const std::string& value);
/// A scope name is an RFC 6749 scope-token: printable ASCII without space, '"' or '\'.
std::optional<std::string> scopeName(const std::string& value);
/// Attribute names PingOne reserves.
std::optional<std::string> attributeName(const std::string& value);
/// jwksUrl is an https URL.
std::optional<std::string> jwksUrl(const std::string& value);
/// A redirect URI: not empty, no wildcard.
std::optional<std::string> redirectUri(const std::string& value);
/// A name of a resource, application, attribute or scope: not empty.
std::optional<std::string> name(const std::string& value);

}  // namespace pingplan::manifest::rules
