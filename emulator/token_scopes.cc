#include "emulator/token_scopes.h"

#include <algorithm>
#include <sstream>

#include "emulator/oauth_error.h"

namespace emulator {
namespace {

OAuthError invalidScope(const std::string& description) {
  return {400, "invalid_scope", description};
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) {
    if (std::find(out.begin(), out.end(), word) == out.end()) out.push_back(word);
  }
  return out;
}

/// The granted resource that holds scope `name`, or nullptr. Scope names are unique across
/// an application's grants (a grant rule), so there is at most one.
const GrantedResource* holder(const std::vector<GrantedResource>& granted,
                              const std::string& name) {
  for (const auto& resource : granted) {
    if (std::find(resource.scopes.begin(), resource.scopes.end(), name) != resource.scopes.end()) {
      return &resource;
    }
  }
  return nullptr;
}

}  // namespace

TokenAccess accessForScopes(const std::vector<GrantedResource>& granted, const std::string& scope) {
  TokenAccess access;
  std::vector<std::string> requested = words(scope);
  if (requested.empty()) return access;
  const GrantedResource* target = nullptr;
  for (const auto& name : requested) {
    const GrantedResource* resource = holder(granted, name);
    if (resource == nullptr) {
      throw invalidScope("The application holds no grant of the scope \"" + name + "\".");
    }
    if (resource->type == "OPENID_CONNECT") continue;  // may join any resource's scopes
    if (target != nullptr && target != resource) {
      throw invalidScope("The scopes are of two resources, \"" + target->name + "\" and \"" +
                         resource->name + "\"; request a token for each.");
    }
    target = resource;
  }
  if (target == nullptr) {
    throw invalidScope(
        "openid scopes need a signed-in user; the client credentials grant has "
        "none.");
  }
  std::string joined;
  for (const auto& name : requested) joined += (joined.empty() ? "" : " ") + name;
  access.scope = joined;
  if (target->type == "PINGONE_API") return access;
  access.managementApi = false;
  access.audience = target->audience;
  access.lifetimeSeconds = target->accessTokenValiditySeconds;
  access.claims = target->claims;
  return access;
}

}  // namespace emulator
