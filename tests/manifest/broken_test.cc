// The broken-manifest corpus: every file of tests/manifest/broken/ breaks one rule and is
// pinned here to its one diagnostic (line, column, exact message). `schema` marks the rules the
// JSON Schema expresses too; tests/schema/check.mjs expects ajv to reject exactly those files.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "test_env.h"

namespace pingplan::manifest {
namespace {

struct BrokenCase {
  const char* name;
  int line;
  int column;
  bool schema;
  const char* message;
};

const BrokenCase kCases[] = {
    {"app-auth-method-invalid", 6, 30, true,
     "invalid tokenEndpointAuthMethod \"BASIC\"; expected one of NONE, CLIENT_SECRET_BASIC, "
     "CLIENT_SECRET_POST, CLIENT_SECRET_JWT, PRIVATE_KEY_JWT"},
    {"app-duplicate-grant-type", 5, 38, true,
     "grant type CLIENT_CREDENTIALS is listed twice; remove one"},
    {"app-duplicate", 6, 11, false,
     "duplicate application name \"Orders Client\" (first at line 3); managed applications need "
     "unique names"},
    {"app-empty-grant-types", 5, 17, true, "grantTypes needs at least one grant type"},
    {"app-enabled-not-boolean", 6, 14, true, "enabled must be true or false, not \"yes\""},
    {"app-grant-type-invalid", 5, 18, true,
     "invalid grant type \"CLIENT_CREDENTIAL\"; did you mean \"CLIENT_CREDENTIALS\"?"},
    {"app-missing-grant-types", 3, 5, true, "missing required key \"grantTypes\" in application"},
    {"app-missing-type", 3, 5, true, "missing required key \"type\" in application"},
    {"app-pkce-invalid", 6, 22, true,
     "invalid pkceEnforcement \"S256\"; expected one of OPTIONAL, REQUIRED, S256_REQUIRED"},
    {"app-refresh-too-short", 6, 27, true,
     "refreshTokenDuration must be between 60 and 2147483647, not 59"},
    {"app-response-type-invalid", 6, 21, true,
     "invalid response type \"code\"; did you mean \"CODE\"?"},
    {"app-type-invalid", 4, 11, true, "invalid type \"WORKR\"; did you mean \"WORKER\"?"},
    {"attribute-duplicate", 6, 16, false,
     "duplicate attribute name \"tier\" (first at line 5); attribute names are unique in a "
     "resource"},
    {"attribute-empty-value", 6, 16, true, "attribute value must not be empty"},
    {"attribute-missing-value", 5, 9, true, "missing required key \"value\" in attribute"},
    {"attribute-reserved-name", 5, 15, true,
     "attribute name \"client_id\" is reserved by PingOne (acr amr aud auth_time client_id env exp "
     "iat iss jti org scope sid and p1.*); choose another name"},
    {"attribute-reserved-p1", 5, 15, true,
     "attribute name \"p1.region\" is reserved by PingOne (acr amr aud auth_time client_id env exp "
     "iat iss jti org scope sid and p1.*); choose another name"},
    {"audience-default-from-name", 3, 11, false,
     "the audience defaults to the name \"pingidentity-orders\", which contains a word PingOne "
     "reserves (pingone, pingidentity); set an audience"},
    {"audience-pingone", 4, 15, true,
     "audience \"https://api.PingOne.com/orders\" contains \"pingone\", which PingOne reserves; "
     "choose another audience"},
    {"client-credentials-openid", 7, 19, false,
     "application \"Orders Client\" only has grant type CLIENT_CREDENTIALS and cannot hold openid "
     "scopes; remove this grant"},
    {"description-number", 4, 18, true,
     "description must be a string, not a number; quote it: \"42\""},
    {"duplicate-key", 5, 5, true, "duplicate key \"description\" in resource; keep one of them"},
    {"empty-file", 1, 1, true, "the manifest is empty; start it with \"version: 1\""},
    {"ensure-invalid", 4, 13, true, "invalid ensure \"deleted\"; expected one of present, absent"},
    {"env-unset", 4, 23, false,
     "environment variable PINGPLAN_TEST_UNSET_HOST is not set (used as "
     "$(env:PINGPLAN_TEST_UNSET_HOST)); set it, or give a default: "
     "$(env:PINGPLAN_TEST_UNSET_HOST:-value)"},
    {"environment-not-id", 2, 14, true,
     "environment \"not-a-uuid\" is not a PingOne environment id, which looks like "
     "01234567-89ab-cdef-0123-456789abcdef (in the admin console: Settings > Environment "
     "Properties); or leave environment out and set PINGONE_ENVIRONMENT_ID"},
    {"file-missing", 4, 18, false,
     "cannot read {dir}/no-such-file.txt for $(file:no-such-file.txt): No such file or directory"},
    {"grant-absent-resource", 10, 19, false,
     "grant names resource \"Orders API\", which this manifest deletes (ensure: absent)"},
    {"grant-empty-scopes", 12, 17, true,
     "a grant needs at least one scope; remove the grant instead"},
    {"grant-same-scope-name", 17, 18, false,
     "scope \"orders:read\" is also granted from resource \"Orders API\" (line 15); PingOne "
     "refuses two scopes of the same name in one application's grants"},
    {"grant-scope-twice", 12, 31, true, "scope \"orders:read\" is listed twice in this grant"},
    {"grant-twice-same-resource", 13, 19, false,
     "second grant on resource \"Orders API\" (first at line 11); PingOne allows one grant per "
     "resource, merge their scopes"},
    {"grant-unknown-resource", 11, 19, false,
     "grant names unknown resource \"Order API\"; did you mean \"Orders API\"?"},
    {"grant-unknown-scope", 12, 18, false,
     "resource \"Orders API\" has no scope \"orders:reed\"; did you mean \"orders:read\"?"},
    {"implicit-without-token", 5, 18, true,
     "grant type IMPLICIT needs response type TOKEN or ID_TOKEN; add one to responseTypes"},
    {"jwks-and-jwks-url", 8, 14, true, "set jwks or jwksUrl, not both"},
    {"jwks-invalid-json", 7, 11, false,
     "jwks is not valid JSON; give a JWK set such as {\"keys\": [...]}"},
    {"jwks-url-not-https", 7, 14, true,
     "jwksUrl \"http://keys.example.com/jwks\" must be an https:// URL"},
    {"missing-version", 1, 1, true, "missing required key \"version\" in the manifest"},
    {"pingone-api-scope", 8, 18, false,
     "resource \"PingOne API\" has no scope \"p1:delete:user\"; did you mean \"p1:update:user\"?"},
    {"private-key-jwt-without-keys", 6, 30, true,
     "tokenEndpointAuthMethod PRIVATE_KEY_JWT needs the client's keys; set jwks or jwksUrl"},
    {"redirect-uri-wildcard", 7, 20, true,
     "redirect URI \"https://*.example.com/callback\" contains a wildcard '*', which PingOne "
     "refuses here"},
    {"resource-duplicate", 4, 11, false,
     "duplicate resource name \"Orders API\" (first at line 3); resource names are unique in an "
     "environment"},
    {"resource-empty-name", 3, 11, true, "name must not be empty"},
    {"resource-entry-string", 3, 5, true,
     "each entry of resources must be a mapping, not a string"},
    {"resource-missing-name", 3, 5, true, "missing required key \"name\" in resource"},
    {"resource-named-builtin", 3, 11, true,
     "resource name \"openid\" is a PingOne built-in, which pingplan never changes; choose another "
     "name"},
    {"resources-not-list", 3, 3, true, "resources must be a list, not a mapping"},
    {"scope-duplicate", 7, 15, false,
     "duplicate scope name \"orders:read\" (first at line 5); scope names are unique in a "
     "resource"},
    {"scope-name-backslash", 5, 15, true,
     "scope name \"orders\\read\" contains a '\\' character; scope names are printable ASCII "
     "without space, '\"' or '\\' (RFC 6749)"},
    {"scope-name-space", 5, 15, true,
     "scope name \"orders read\" contains a space character; scope names are printable ASCII "
     "without space, '\"' or '\\' (RFC 6749)"},
    {"substituted-not-integer", 4, 33, false,
     "accessTokenValiditySeconds must be an integer; substitution gave \"1h\""},
    {"substitution-unknown", 4, 24, false,
     "unknown substitution \"$(price)\"; use $(env:NAME), $(env:NAME:-default) or $(file:path), or "
     "$$( for a literal \"$(\""},
    {"substitution-unterminated", 4, 19, false,
     "unterminated \"$(\": use $(env:NAME), $(env:NAME:-default) or $(file:path), or $$( for a "
     "literal \"$(\""},
    {"top-level-list", 1, 1, true, "the manifest must be a mapping, not a list"},
    {"unknown-application-key", 6, 5, true,
     "unknown key \"protocol\" in application; expected one of name, ensure, description, type, "
     "enabled, grantTypes, responseTypes, tokenEndpointAuthMethod, adminOnly, redirectUris, "
     "postLogoutRedirectUris, pkceEnforcement, refreshTokenDuration, refreshTokenRollingDuration, "
     "jwks, jwksUrl, grants"},
    {"unknown-attribute-key", 5, 35, true,
     "unknown key \"type\" in attribute; expected one of name, value"},
    {"unknown-grant-key", 9, 9, true,
     "unknown key \"id\" in grant; expected one of resource, scopes"},
    {"unknown-resource-key", 4, 5, true,
     "unknown key \"scopse\" in resource; did you mean \"scopes\"?"},
    {"unknown-scope-key", 6, 9, true,
     "unknown key \"descripton\" in scope; did you mean \"description\"?"},
    {"unknown-top-key", 2, 1, true,
     "unknown key \"resource\" in the manifest; did you mean \"resources\"?"},
    {"unsupported-version", 1, 10, true,
     "unsupported version 2; this pingplan reads manifest version 1"},
    {"validity-not-integer", 4, 33, true,
     "accessTokenValiditySeconds must be an integer, not a string"},
    {"validity-too-high", 4, 33, true,
     "accessTokenValiditySeconds must be between 300 and 2592000, not 2592001"},
    {"validity-too-low", 4, 33, true,
     "accessTokenValiditySeconds must be between 300 and 2592000, not 299"},
    {"version-quoted", 1, 10, true, "version must be an integer, not a string; remove the quotes"},
    {"yaml-syntax", 3, 3, true, "invalid YAML: illegal block entry"},
};

class BrokenManifest : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenManifest, GivesExactlyItsDiagnostic) {
  const BrokenCase& c = GetParam();
  const std::string path = testing::sourcePath("tests/manifest/broken/") + c.name + ".yaml";
  LoadResult result = loadManifest(path, testing::fakeEnv());
  ASSERT_EQ(result.diagnostics.size(), 1u) << c.name << ": " << ::testing::PrintToString([&] {
    std::vector<std::string> all;
    for (const auto& d : result.diagnostics) all.push_back(d.str());
    return all;
  }());
  const Diagnostic& d = result.diagnostics[0];
  std::string message = c.message;  // {dir}: the corpus directory, as messages show it
  if (auto at = message.find("{dir}"); at != std::string::npos) {
    message.replace(at, 5, testing::sourcePath("tests/manifest/broken"));
  }
  EXPECT_EQ(d.file, path);
  EXPECT_EQ(d.line, c.line) << c.name;
  EXPECT_EQ(d.column, c.column) << c.name;
  EXPECT_EQ(d.message, message) << c.name;
  EXPECT_EQ(d.str(), path + ":" + std::to_string(c.line) + ":" + std::to_string(c.column) +
                         ": error: " + message);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BrokenManifest, ::testing::ValuesIn(kCases),
                         [](const auto& param) {
                           std::string name = param.param.name;
                           for (char& ch : name) {
                             if (ch == '-') ch = '_';
                           }
                           return name;
                         });

TEST(BrokenCorpus, EveryFileIsInTheTableAndThereAreAtLeast45) {
  std::set<std::string> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::sourcePath("tests/manifest/broken"))) {
    if (entry.path().extension() == ".yaml") files.insert(entry.path().stem().string());
  }
  std::set<std::string> table;
  for (const auto& c : kCases) table.insert(c.name);
  EXPECT_EQ(files, table);
  EXPECT_GE(table.size(), 45u);
}

TEST(BrokenCorpus, SchemaListMatchesTheTable) {
  std::ifstream in(testing::sourcePath("tests/schema/schema-rejects.txt"));
  ASSERT_TRUE(in) << "tests/schema/schema-rejects.txt is missing";
  std::set<std::string> listed;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') listed.insert(line);
  }
  std::set<std::string> marked;
  for (const auto& c : kCases) {
    if (c.schema) marked.insert(c.name);
  }
  EXPECT_EQ(listed, marked);
}

}  // namespace
}  // namespace pingplan::manifest
