// Regions, host overrides, the loopback rule and PINGONE_* parsing, table-driven.

#include <gtest/gtest.h>

#include <map>

#include "pingone/connection_settings.h"
#include "pingone/url.h"

namespace pingplan::pingone {
namespace {

EnvLookup envOf(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

const std::map<std::string, std::string> kBasic = {
    {"PINGONE_ENVIRONMENT_ID", "11111111-1111-1111-1111-111111111111"},
    {"PINGONE_CLIENT_ID", "22222222-2222-2222-2222-222222222222"},
    {"PINGONE_CLIENT_SECRET", "s3cret-value"},
};

std::map<std::string, std::string> with(std::map<std::string, std::string> changes) {
  auto vars = kBasic;
  for (auto& [k, v] : changes) {
    if (v == "<unset>") {
      vars.erase(k);
    } else {
      vars[k] = v;
    }
  }
  return vars;
}

TEST(Region, MapsEveryCodeToItsDomain) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"NA", "com"},    {"EU", "eu"}, {"AP", "asia"}, {"CA", "ca"},
      {"AU", "com.au"}, {"SG", "sg"}, {"eu", "eu"}};
  for (const auto& [code, domain] : cases) EXPECT_EQ(regionDomain(code), domain) << code;
  EXPECT_EQ(regionDomain("US"), std::nullopt);
}

TEST(Url, KnowsLoopback) {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "[::1]"}) {
    EXPECT_TRUE(isLoopbackHost(host)) << host;
  }
  for (const char* host : {"128.0.0.1", "127.0.0.1.example.com", "localhost.evil", "10.0.0.1",
                           "[::2]", "api.pingone.com"}) {
    EXPECT_FALSE(isLoopbackHost(host)) << host;
  }
}

TEST(Url, TurnsServiceHostsIntoBaseUrls) {
  struct Case {
    std::string value;
    std::string expected;  // base URL, or "error: ..." prefix
  };
  const std::vector<Case> cases = {
      {"api.pingone.eu", "https://api.pingone.eu"},
      {"https://api.example.com:8443", "https://api.example.com:8443"},
      {"http://127.0.0.1:8080", "http://127.0.0.1:8080"},
      {"http://localhost:8080/", "http://localhost:8080"},
      {"http://[::1]:9000", "http://[::1]:9000"},
      {"http://api.example.com",
       "error: plain http is allowed for loopback only (127.0.0.1, "
       "localhost, [::1]), not api.example.com; use https"},
      {"http://127.0.0.1.nip.io:80", "error: plain http is allowed for loopback only"},
      {"http://127.0.0.1:8080/v1", "error: \"http://127.0.0.1:8080/v1\" has a path"},
      {"https://user:pw@api.example.com", "error: it must not contain credentials"},
      {"ftp://127.0.0.1", "error: scheme ftp is not supported; use https"},
      {"api.example.com/v1", "error: \"api.example.com/v1\" is not a host name"},
  };
  for (const auto& c : cases) {
    auto url = serviceBaseUrl(c.value);
    if (c.expected.rfind("error: ", 0) == 0) {
      ASSERT_FALSE(url.ok()) << c.value;
      EXPECT_EQ(url.error().rfind(c.expected.substr(7), 0), 0u) << url.error();
    } else {
      ASSERT_TRUE(url.ok()) << c.value << ": " << url.error();
      EXPECT_EQ(*url, c.expected);
    }
  }
}

TEST(Url, RedactsCredentialsAndSecretParameters) {
  EXPECT_EQ(redactUrl("https://u:p@api.pingone.com/v1/x?cursor=abc&access_token=t0k#frag"),
            "https://api.pingone.com/v1/x?cursor=abc&access_token=REDACTED");
  EXPECT_EQ(redactUrl("http://127.0.0.1:1/e/as/token"), "http://127.0.0.1:1/e/as/token");
  EXPECT_TRUE(urlAllowed("https://anything.example.com/x"));
  EXPECT_TRUE(urlAllowed("http://127.0.0.1:5/x"));
  EXPECT_FALSE(urlAllowed("http://10.0.0.1:5/x"));
}

TEST(ConnectionFromEnvironment, DefaultsToNorthAmericaAndClientSecretBasic) {
  auto c = connectionFromEnvironment(envOf(kBasic), "");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ((*c)->method, AuthMethod::ClientSecretBasic);
  EXPECT_EQ((*c)->tokenUrl(),
            "https://auth.pingone.com/11111111-1111-1111-1111-111111111111/as/token");
  EXPECT_EQ((*c)->environmentUrl(),
            "https://api.pingone.com/v1/environments/11111111-1111-1111-1111-111111111111");
}

TEST(ConnectionFromEnvironment, SeparatesWorkerAndTargetEnvironments) {
  auto c = connectionFromEnvironment(envOf(with({{"PINGONE_REGION_CODE", "AU"}})),
                                     "33333333-3333-3333-3333-333333333333");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ((*c)->tokenUrl(),
            "https://auth.pingone.com.au/11111111-1111-1111-1111-111111111111/as/token");
  EXPECT_EQ((*c)->environmentUrl(),
            "https://api.pingone.com.au/v1/environments/33333333-3333-3333-3333-333333333333");
}

TEST(ConnectionFromEnvironment, AcceptsLoopbackOverrides) {
  auto c = connectionFromEnvironment(
      envOf(with({{"PINGONE_API_SERVICE_HOSTNAME", "http://127.0.0.1:4000"},
                  {"PINGONE_AUTH_SERVICE_HOSTNAME", "http://127.0.0.1:4000"},
                  {"PINGONE_TOKEN_AUTH_METHOD", "CLIENT_SECRET_POST"}})),
      "");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ((*c)->method, AuthMethod::ClientSecretPost);
  EXPECT_EQ((*c)->tokenUrl(),
            "http://127.0.0.1:4000/11111111-1111-1111-1111-111111111111/as/token");
}

TEST(ConnectionFromEnvironment, AStaticTokenNeedsOnlyTheEnvironment) {
  auto c = connectionFromEnvironment(
      envOf({{"PINGONE_API_ACCESS_TOKEN", "eyJ.token"},
             {"PINGONE_ENVIRONMENT_ID", "11111111-1111-1111-1111-111111111111"}}),
      "");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ((*c)->method, AuthMethod::AccessToken);
  auto fromManifest = connectionFromEnvironment(envOf({{"PINGONE_API_ACCESS_TOKEN", "eyJ.token"}}),
                                                "22222222-2222-2222-2222-222222222222");
  ASSERT_TRUE(fromManifest.ok()) << fromManifest.error().message;
  EXPECT_EQ((*fromManifest)->environmentId, "22222222-2222-2222-2222-222222222222");
}

TEST(ConnectionFromEnvironment, ErrorsNameTheVariableAndTheFix) {
  struct Case {
    std::map<std::string, std::string> vars;
    std::string target;
    std::string message;
  };
  const std::vector<Case> cases = {
      {with({{"PINGONE_ENVIRONMENT_ID", "<unset>"}}), "",
       "PINGONE_ENVIRONMENT_ID is not set: set it to the id of the environment that holds the "
       "worker application (or set PINGONE_API_ACCESS_TOKEN)"},
      {with({{"PINGONE_CLIENT_ID", "<unset>"}}), "",
       "PINGONE_CLIENT_ID is not set: set it to the worker application's client id (or set "
       "PINGONE_API_ACCESS_TOKEN)"},
      {with({{"PINGONE_CLIENT_SECRET", ""}}), "",
       "PINGONE_CLIENT_SECRET is not set: set it to the worker application's client secret "
       "(client_secret_basic)"},
      {with({{"PINGONE_REGION_CODE", "EUR"}}), "",
       "PINGONE_REGION_CODE is \"EUR\"; use one of NA, EU, AP, CA, AU, SG (did you mean EU?)"},
      {with({{"PINGONE_TOKEN_AUTH_METHOD", "client_secret_basik"}}), "",
       "PINGONE_TOKEN_AUTH_METHOD is \"client_secret_basik\"; use one of client_secret_basic, "
       "client_secret_post, private_key_jwt, jwt_bearer (did you mean client_secret_basic?)"},
      {with({{"PINGONE_API_SERVICE_HOSTNAME", "http://127.0.0.1:1"}}), "",
       "PINGONE_API_SERVICE_HOSTNAME is set but PINGONE_AUTH_SERVICE_HOSTNAME is not: set both, "
       "or neither"},
      {with({{"PINGONE_API_SERVICE_HOSTNAME", "http://api.example.com"},
             {"PINGONE_AUTH_SERVICE_HOSTNAME", "auth.example.com"}}),
       "",
       "PINGONE_API_SERVICE_HOSTNAME: plain http is allowed for loopback only (127.0.0.1, "
       "localhost, [::1]), not api.example.com; use https"},
      {with({{"PINGONE_TOKEN_AUTH_METHOD", "private_key_jwt"}}), "",
       "PINGONE_PRIVATE_KEY_FILE is not set: private_key_jwt needs the path of an RSA private "
       "key (PEM, or a JWK from `jose jwk gen -i '{\"alg\":\"RS256\"}'`)"},
      {with({{"PINGONE_TOKEN_AUTH_METHOD", "jwt_bearer"},
             {"PINGONE_PRIVATE_KEY_FILE", "/nonexistent/key.pem"}}),
       "",
       "PINGONE_PRIVATE_KEY_FILE (/nonexistent/key.pem): cannot read it: No such file or "
       "directory"},
      {with({}), "../etc",
       "the manifest's environment \"../etc\" is not an environment id (a UUID)"},
      {with({}), "prod-environment",
       "the manifest's environment \"prod-environment\" is not an environment id (a UUID)"},
      {with({{"PINGONE_ENVIRONMENT_ID", "11111111-1111-1111-1111-11111111111"}}), "",
       "PINGONE_ENVIRONMENT_ID is \"11111111-1111-1111-1111-11111111111\"; it must be an "
       "environment id (a UUID)"},
      {{{"PINGONE_API_ACCESS_TOKEN", "t"}},
       "",
       "no target environment: set PINGONE_ENVIRONMENT_ID (or the manifest's environment) to "
       "the id of the environment to manage"},
  };
  for (const auto& c : cases) {
    auto result = connectionFromEnvironment(envOf(c.vars), c.target);
    ASSERT_FALSE(result.ok()) << c.message;
    EXPECT_EQ(result.error().kind, ApiError::Kind::Config);
    EXPECT_EQ(result.error().message, c.message);
    EXPECT_EQ(result.error().message.find("s3cret-value"), std::string::npos);
  }
}

}  // namespace
}  // namespace pingplan::pingone
