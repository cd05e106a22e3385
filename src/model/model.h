#pragma once
// The value types that every stage of the pipeline speaks: PingOne custom resources with their
// attributes and scopes, OIDC applications with their grants. The same types describe the
// desired state (from a manifest) and the live state (read from PingOne); the few fields that
// only one side fills say so. No I/O here.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pingplan::model {

using Json = nlohmann::ordered_json;

/// Where a desired object was written: "file:line:col", for errors found after loading.
using Origin = std::string;

/// A resource attribute (a claim in the access token). `type` is CORE, CUSTOM or PREDEFINED
/// on the live side; CORE `sub` exists on every custom resource and is never created or
/// deleted, only updated.
struct Attribute {
  std::string id;  // live only
  std::string name;
  std::string value;
  std::string type;  // live only
  Json raw;          // live only: the object as PingOne returned it
};

/// A resource scope.
struct Scope {
  std::string id;  // live only
  std::string name;
  std::string description;
  Json raw;  // live only
};

/// A PingOne resource. Only CUSTOM ones are managed; built-ins (openid, PingOne API) are read so
/// that grants can name their scopes.
struct Resource {
  std::string id;  // live only
  std::string name;
  std::string type = "CUSTOM";  // CUSTOM | OPENID_CONNECT | PINGONE_API
  std::string description;
  std::string audience;  // desired: already defaulted to the name by the loader
  std::int64_t accessTokenValiditySeconds = 3600;
  bool absent = false;  // desired only: `ensure: absent`
  /// Desired: nullopt when the manifest omits the list (not managed); present, even empty,
  /// the list is authoritative. Live: always present.
  std::optional<std::vector<Attribute>> attributes;
  std::optional<std::vector<Scope>> scopes;
  Origin origin;  // desired only
  Json raw;       // live only
};

/// A grant of one resource's scopes to an application. Desired grants name things
/// (`resource`, `scopes`); live grants carry ids, and the live reader fills in the names.
struct Grant {
  std::string id;  // live only
  std::string resource;
  std::vector<std::string> scopes;    // scope names, sorted
  std::string resourceId;             // live only
  std::vector<std::string> scopeIds;  // live only, in the order of `scopes`
  Json raw;                           // live only
};

/// An OIDC application. Every field of manifest version 1 has its PingOne default here, so an
/// omitted field is managed at that default.
struct Application {
  std::string id;  // live only (it is also the OAuth client id)
  std::string name;
  std::string description;
  std::string protocol = "OPENID_CONNECT";
  std::string type;  // WORKER | WEB_APP | SERVICE | SINGLE_PAGE_APP | NATIVE_APP (live: any)
  bool enabled = true;
  std::vector<std::string> grantTypes;     // sorted
  std::vector<std::string> responseTypes;  // sorted
  std::string tokenEndpointAuthMethod = "CLIENT_SECRET_BASIC";
  bool adminOnly = false;  // accessControl.role.type == ADMIN_USERS_ONLY
  std::vector<std::string> redirectUris;
  std::vector<std::string> postLogoutRedirectUris;
  std::string pkceEnforcement = "OPTIONAL";
  std::int64_t refreshTokenDuration = 2592000;
  std::int64_t refreshTokenRollingDuration = 15552000;
  std::string jwks;     // a JWK set as a JSON string; empty when unset
  std::string jwksUrl;  // empty when unset
  bool absent = false;  // desired only
  /// Desired: nullopt when omitted (not managed). Live: always present.
  std::optional<std::vector<Grant>> grants;
  Origin origin;  // desired only
  Json raw;       // live only
};

/// A whole environment: what a manifest asks for, or what PingOne holds.
struct EnvironmentState {
  std::string environmentId;
  std::vector<Resource> resources;
  std::vector<Application> applications;
};

using DesiredState = EnvironmentState;
using LiveState = EnvironmentState;

}  // namespace pingplan::model
