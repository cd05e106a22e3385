#pragma once
// What a custom resource's attribute puts into an access token issued with the client
// credentials grant. PingOne evaluates an attribute's value as an expression of its expression
// language; with no user signed in, only values that need no user have a result. The emulator
// evaluates that static part (docs/emulator.md, "Access tokens for a custom resource"):
//   OrchestrationTool            a plain value: the string itself
//   ${'OrchestrationTool'}       a quoted string literal: the string
//   ${{'dev-tls-admin', 'x'}}    a collection of string literals: a JSON array
// Anything else (${user.id}, ${user.name.given}, functions) needs a user: no claim.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace emulator {

/// The claim value of an attribute value, or nullopt when it needs a signed-in user.
std::optional<nlohmann::json> staticClaimValue(const std::string& value);

}  // namespace emulator
