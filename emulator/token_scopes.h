#pragma once
// The `scope` parameter of a token request. Without one, a token is for the management API
// (the emulator has no roles: any application of the environment may call /v1). With one,
// every scope must be granted to the application, and all but openid's from one resource;
// the token is then for that resource: its audience, its token lifetime, the scopes, and for
// a custom resource the static values of its attributes as claims.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "emulator/token_service.h"

namespace emulator {

/// What a token says besides the claims every token has.
struct TokenAccess {
  bool managementApi = true;  // audience: the emulator's API, claim `env`, default lifetime
  std::string audience;       // otherwise: the resource's audience...
  int64_t lifetimeSeconds = 0;
  std::string scope;                                 // ...the scopes, space-separated
  nlohmann::json claims = nlohmann::json::object();  // ...and its attribute claims
};

/// The access a token request asks for with `scope` (blank: the management API), given the
/// resources the application holds grants on. Throws OAuthError 400 `invalid_scope` for a
/// scope the application does not hold, scopes of two resources, or openid scopes alone (they
/// need a signed-in user).
TokenAccess accessForScopes(const std::vector<GrantedResource>& granted, const std::string& scope);

}  // namespace emulator
