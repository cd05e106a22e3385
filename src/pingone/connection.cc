// connectionFromEnvironment: PINGONE_* variables -> Connection.

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "model/ids.h"
#include "pingone/connection_settings.h"
#include "pingone/url.h"
#include "util/suggest.h"

namespace pingplan::pingone {
namespace {

ApiError configError(std::string message) {
  return ApiError{ApiError::Kind::Config, 0, "", std::move(message)};
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// Ids go into URL paths: letters, digits and '-' only.
std::string unknownValue(const std::string& variable, const std::string& value,
                         const std::vector<std::string>& allowed) {
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  std::string message = variable + " is \"" + value + "\"; use one of " + list;
  if (auto guess = closestMatch(value, allowed)) message += " (did you mean " + *guess + "?)";
  return message;
}

Result<std::string, std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(std::string(std::strerror(errno)));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string authMethodName(AuthMethod method) {
  switch (method) {
    case AuthMethod::ClientSecretBasic:
      return "client_secret_basic";
    case AuthMethod::ClientSecretPost:
      return "client_secret_post";
    case AuthMethod::PrivateKeyJwt:
      return "private_key_jwt";
    case AuthMethod::JwtBearer:
      return "jwt_bearer";
    case AuthMethod::AccessToken:
      return "PINGONE_API_ACCESS_TOKEN";
  }
  return "?";
}

ApiResult<std::shared_ptr<const Connection>> connectionFromEnvironment(
    const EnvLookup& env, const std::string& targetEnvironment) {
  auto get = [&](const std::string& name) {
    auto value = env(name);
    return value ? *value : std::string();
  };
  auto c = std::make_shared<Connection>();

  // Hosts: a region, or both overrides.
  std::string region = get("PINGONE_REGION_CODE");
  auto domain = regionDomain(region.empty() ? "NA" : region);
  if (!domain) {
    return fail(configError(
        unknownValue("PINGONE_REGION_CODE", region, {"NA", "EU", "AP", "CA", "AU", "SG"})));
  }
  std::string apiHost = get("PINGONE_API_SERVICE_HOSTNAME");
  std::string authHost = get("PINGONE_AUTH_SERVICE_HOSTNAME");
  if (apiHost.empty() != authHost.empty()) {
    std::string set =
        apiHost.empty() ? "PINGONE_AUTH_SERVICE_HOSTNAME" : "PINGONE_API_SERVICE_HOSTNAME";
    std::string unset =
        apiHost.empty() ? "PINGONE_API_SERVICE_HOSTNAME" : "PINGONE_AUTH_SERVICE_HOSTNAME";
    return fail(configError(set + " is set but " + unset + " is not: set both, or neither"));
  }
  c->apiBaseUrl = "https://api.pingone." + *domain;
  c->authBaseUrl = "https://auth.pingone." + *domain;
  for (auto [name, value, target] :
       {std::tuple{"PINGONE_API_SERVICE_HOSTNAME", apiHost, &c->apiBaseUrl},
        std::tuple{"PINGONE_AUTH_SERVICE_HOSTNAME", authHost, &c->authBaseUrl}}) {
    if (value.empty()) continue;
    auto url = serviceBaseUrl(value);
    if (!url) return fail(configError(std::string(name) + ": " + url.error()));
    *target = *url;
  }

  // Environments.
  c->workerEnvironmentId = get("PINGONE_ENVIRONMENT_ID");
  c->environmentId = targetEnvironment.empty() ? c->workerEnvironmentId : targetEnvironment;
  if (!c->workerEnvironmentId.empty() && !model::isPingOneId(c->workerEnvironmentId)) {
    return fail(configError("PINGONE_ENVIRONMENT_ID is \"" + c->workerEnvironmentId +
                            "\"; it must be an environment id (a UUID)"));
  }
  if (!targetEnvironment.empty() && !model::isPingOneId(targetEnvironment)) {
    return fail(configError("the manifest's environment \"" + targetEnvironment +
                            "\" is not an environment id (a UUID)"));
  }

  // A ready token needs nothing else.
  c->accessToken = get("PINGONE_API_ACCESS_TOKEN");
  if (!c->accessToken.empty()) {
    c->method = AuthMethod::AccessToken;
    if (c->environmentId.empty()) {
      return fail(configError(
          "no target environment: set PINGONE_ENVIRONMENT_ID (or the manifest's environment) "
          "to the id of the environment to manage"));
    }
    return std::shared_ptr<const Connection>(c);
  }

  if (c->workerEnvironmentId.empty()) {
    return fail(configError(
        "PINGONE_ENVIRONMENT_ID is not set: set it to the id of the environment that holds the "
        "worker application (or set PINGONE_API_ACCESS_TOKEN)"));
  }
  c->clientId = get("PINGONE_CLIENT_ID");
  if (c->clientId.empty()) {
    return fail(configError(
        "PINGONE_CLIENT_ID is not set: set it to the worker application's client id (or set "
        "PINGONE_API_ACCESS_TOKEN)"));
  }

  std::string method = get("PINGONE_TOKEN_AUTH_METHOD");
  const std::vector<std::string> methods = {"client_secret_basic", "client_secret_post",
                                            "private_key_jwt", "jwt_bearer"};
  std::string m = lower(method);
  if (m.empty() || m == "client_secret_basic") {
    c->method = AuthMethod::ClientSecretBasic;
  } else if (m == "client_secret_post") {
    c->method = AuthMethod::ClientSecretPost;
  } else if (m == "private_key_jwt") {
    c->method = AuthMethod::PrivateKeyJwt;
  } else if (m == "jwt_bearer") {
    c->method = AuthMethod::JwtBearer;
  } else {
    return fail(configError(unknownValue("PINGONE_TOKEN_AUTH_METHOD", method, methods)));
  }

  if (c->method == AuthMethod::ClientSecretBasic || c->method == AuthMethod::ClientSecretPost) {
    c->clientSecret = get("PINGONE_CLIENT_SECRET");
    if (c->clientSecret.empty()) {
      return fail(
          configError("PINGONE_CLIENT_SECRET is not set: set it to the worker "
                      "application's client secret (" +
                      authMethodName(c->method) + ")"));
    }
    return std::shared_ptr<const Connection>(c);
  }

  std::string keyFile = get("PINGONE_PRIVATE_KEY_FILE");
  if (keyFile.empty()) {
    return fail(configError("PINGONE_PRIVATE_KEY_FILE is not set: " + authMethodName(c->method) +
                            " needs the path of an RSA private key (PEM, or a JWK from "
                            "`jose jwk gen -i '{\"alg\":\"RS256\"}'`)"));
  }
  auto text = readFile(keyFile);
  if (!text) {
    return fail(
        configError("PINGONE_PRIVATE_KEY_FILE (" + keyFile + "): cannot read it: " + text.error()));
  }
  auto key = loadRsaKey(*text);
  if (!key) {
    return fail(configError("PINGONE_PRIVATE_KEY_FILE (" + keyFile + "): " + key.error()));
  }
  c->key = *key;
  c->keyId = get("PINGONE_KEY_ID");
  return std::shared_ptr<const Connection>(c);
}

}  // namespace pingplan::pingone
