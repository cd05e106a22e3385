#pragma once
// The words of manifest version 1: the keys of each mapping, the enum values PingOne accepts,
// the built-in resources and their well-known scopes, the reserved attribute names.

#include <string>
#include <vector>

namespace pingplan::manifest::vocabulary {

extern const std::vector<std::string> kTopKeys;
extern const std::vector<std::string> kResourceKeys;
extern const std::vector<std::string> kAttributeKeys;
extern const std::vector<std::string> kScopeKeys;
extern const std::vector<std::string> kApplicationKeys;
extern const std::vector<std::string> kGrantKeys;

extern const std::vector<std::string> kEnsure;            // present, absent
extern const std::vector<std::string> kApplicationTypes;  // WORKER ...
extern const std::vector<std::string> kGrantTypes;        // AUTHORIZATION_CODE ...
extern const std::vector<std::string> kResponseTypes;     // CODE TOKEN ID_TOKEN
extern const std::vector<std::string> kAuthMethods;       // tokenEndpointAuthMethod
extern const std::vector<std::string> kPkceEnforcement;   // OPTIONAL ...

inline constexpr const char* kOpenId = "openid";
inline constexpr const char* kPingOneApi = "PingOne API";
extern const std::vector<std::string> kOpenIdScopes;  // openid profile email address phone

/// Whether `scope` is one of the PingOne API's grantable scopes: p1:read:user,
/// p1:update:user, or either with a ":suffix".
bool isPingOneApiScope(const std::string& scope);

/// Attribute names PingOne reserves (sub is not among them: it is updated in place).
bool isReservedAttributeName(const std::string& name);

}  // namespace pingplan::manifest::vocabulary
