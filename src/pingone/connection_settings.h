#pragma once
// The definition of Connection (declared in connection.h): where to reach PingOne and how to
// authenticate. Only src/pingone/ sees inside it.

#include <memory>
#include <string>

#include "pingone/connection.h"
#include "pingone/jwt.h"

namespace pingplan::pingone {

/// How pingplan gets its bearer token.
enum class AuthMethod {
  ClientSecretBasic,
  ClientSecretPost,
  PrivateKeyJwt,
  JwtBearer,
  AccessToken
};

/// The name users write (PINGONE_TOKEN_AUTH_METHOD), or "PINGONE_API_ACCESS_TOKEN".
std::string authMethodName(AuthMethod method);

}  // namespace pingplan::pingone

namespace pingplan::pingone {

/// Everything needed to reach PingOne. The secrets (clientSecret, accessToken, key) stay in
/// here: no function prints a Connection.
struct Connection {
  std::string apiBaseUrl;           // "https://api.pingone.com", or an override; no trailing slash
  std::string authBaseUrl;          // "https://auth.pingone.com", or an override
  std::string workerEnvironmentId;  // holds the worker app; part of the token URL
  std::string environmentId;        // the environment managed
  AuthMethod method = AuthMethod::ClientSecretBasic;
  std::string clientId;
  std::string clientSecret;
  std::string accessToken;
  std::string keyId;
  std::shared_ptr<const RsaKey> key;

  /// {auth}/{workerEnv}/as/token
  std::string tokenUrl() const { return authBaseUrl + "/" + workerEnvironmentId + "/as/token"; }
  /// {api}/v1/environments/{env}
  std::string environmentUrl() const { return apiBaseUrl + "/v1/environments/" + environmentId; }
};

}  // namespace pingplan::pingone
