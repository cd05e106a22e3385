// Loader behaviour beyond single rules: defaults, sugar, ensure: absent, every diagnostic at
// once and sorted, missing files, YAML syntax errors.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_env.h"

namespace pingplan::manifest {
namespace {

LoadResult load(const std::string& text) {
  return loadManifestText(text, "m.yaml", testing::fakeEnv());
}

TEST(Loader, DefaultsAreFilledIn) {
  auto r = load(
      "version: 1\nresources:\n  - name: Orders API\napplications:\n  - name: Orders Client\n"
      "    type: WORKER\n    grantTypes: [CLIENT_CREDENTIALS]\n");
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].str();
  const model::Resource& res = r.state.resources[0];
  EXPECT_EQ(res.audience, "Orders API");
  EXPECT_EQ(res.accessTokenValiditySeconds, 3600);
  EXPECT_FALSE(res.attributes.has_value());
  EXPECT_FALSE(res.scopes.has_value());
  const model::Application& app = r.state.applications[0];
  EXPECT_TRUE(app.enabled);
  EXPECT_FALSE(app.adminOnly);
  EXPECT_TRUE(app.responseTypes.empty());
  EXPECT_EQ(app.tokenEndpointAuthMethod, "CLIENT_SECRET_BASIC");
  EXPECT_EQ(app.pkceEnforcement, "OPTIONAL");
  EXPECT_FALSE(app.grants.has_value());
  EXPECT_EQ(app.origin, "m.yaml:5:5");
}

TEST(Loader, EmptyChildListsArePresentAndAuthoritative) {
  auto r = load("version: 1\nresources:\n  - name: R\n    attributes: []\n    scopes: []\n");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r.state.resources[0].attributes.has_value());
  EXPECT_TRUE(r.state.resources[0].attributes->empty());
  EXPECT_TRUE(r.state.resources[0].scopes->empty());
}

TEST(Loader, AbsentEntriesNeedOnlyAName) {
  auto r = load(
      "version: 1\nresources:\n  - name: Old API\n    ensure: absent\napplications:\n"
      "  - name: Old App\n    ensure: absent\n");
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].str();
  EXPECT_TRUE(r.state.resources[0].absent);
  EXPECT_TRUE(r.state.applications[0].absent);
}

TEST(Loader, SubAttributeIsAllowedAndSetsAreSorted) {
  auto r = load(
      "version: 1\nresources:\n  - name: R\n    attributes:\n      - {name: sub, value: "
      "'${user.email}'}\n    scopes: [{name: b}, {name: a}]\napplications:\n  - name: W\n"
      "    type: WEB_APP\n    grantTypes: [REFRESH_TOKEN, AUTHORIZATION_CODE]\n"
      "    responseTypes: [TOKEN, CODE]\n    grants:\n      - resource: R\n"
      "        scopes: [b, a]\n      - resource: PingOne API\n"
      "        scopes: ['p1:read:user:custom']\n");
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].str();
  const model::Application& app = r.state.applications[0];
  EXPECT_EQ(app.grantTypes, (std::vector<std::string>{"AUTHORIZATION_CODE", "REFRESH_TOKEN"}));
  EXPECT_EQ(app.responseTypes, (std::vector<std::string>{"CODE", "TOKEN"}));
  EXPECT_EQ((*app.grants)[0].scopes, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ((*r.state.resources[0].attributes)[0].name, "sub");
}

TEST(Loader, JwksMappingIsSerialisedToJson) {
  auto r = load(
      "version: 1\napplications:\n  - name: A\n    type: WORKER\n    grantTypes: "
      "[CLIENT_CREDENTIALS]\n    tokenEndpointAuthMethod: PRIVATE_KEY_JWT\n    jwks:\n"
      "      keys:\n        - {kty: RSA, kid: k1, e: AQAB, n: abc}\n");
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].str();
  EXPECT_EQ(r.state.applications[0].jwks,
            R"({"keys":[{"kty":"RSA","kid":"k1","e":"AQAB","n":"abc"}]})");
}

TEST(Loader, AllDiagnosticsComeOutAtOnceSortedByPosition) {
  auto r = load(
      "version: 1\napplications:\n  - name: App\n    type: WORKR\n    grantTypes: [IMPLICIT]\n"
      "    enabled: yes\n    grants:\n      - resource: Nope\n        scopes: [x]\n"
      "resources:\n  - name: R\n    scopse: []\n    accessTokenValiditySeconds: 1\n"
      "  - name: R\n");
  std::vector<std::string> lines;
  for (const auto& d : r.diagnostics) lines.push_back(d.str());
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "m.yaml:4:11: error: invalid type \"WORKR\"; did you mean \"WORKER\"?",
                       "m.yaml:5:18: error: grant type IMPLICIT needs response type TOKEN or "
                       "ID_TOKEN; add one to responseTypes",
                       "m.yaml:6:14: error: enabled must be true or false, not \"yes\"",
                       "m.yaml:8:19: error: grant names unknown resource \"Nope\"; name a "
                       "resource of this manifest, openid or PingOne API",
                       "m.yaml:12:5: error: unknown key \"scopse\" in resource; did you mean "
                       "\"scopes\"?",
                       "m.yaml:13:33: error: accessTokenValiditySeconds must be between 300 and "
                       "2592000, not 1",
                       "m.yaml:14:11: error: duplicate resource name \"R\" (first at line 11); "
                       "resource names are unique in an environment",
                   }));
}

TEST(Loader, YamlSyntaxErrorHasAPosition) {
  auto r = load("version: 1\nresources:\n  - name: a\n   bad: x\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].str(), "m.yaml:4:4: error: invalid YAML: end of sequence not found");
}

TEST(Loader, ASecondYamlDocumentIsAnError) {
  auto r = load("version: 1\n---\nversion: 1\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].str(),
            "m.yaml:2:1: error: a manifest is one YAML document; remove the second one (---)");
}

TEST(Loader, AnchorsAndAliasesAreResolved) {
  auto r = load(
      "version: 1\nresources:\n  - name: R\n    scopes: &s [{name: a}]\n  - name: S\n"
      "    scopes: *s\n");
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].str();
  EXPECT_EQ((*r.state.resources[1].scopes)[0].name, "a");
}

TEST(Loader, EmptyValuePointsAtItsKey) {
  auto r = load("version: 1\nenvironment:\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].str(),
            "m.yaml:2:1: error: environment must be a string, not nothing (null); write \"\" for "
            "an empty value");
}

TEST(Loader, EnvironmentIdsOfEitherCaseAreAcceptedAndOthersRefusedAtTheValue) {
  for (const char* id :
       {"0a1b2c3d-4e5f-6789-abcd-ef0123456789", "0A1B2C3D-4E5F-6789-ABCD-EF0123456789", "\"\""}) {
    auto r = load(std::string("version: 1\nenvironment: ") + id + "\n");
    EXPECT_TRUE(r.ok()) << id;
  }
  for (const char* id :
       {"0a1b2c3d-4e5f-6789-abcd-ef012345678", "0a1b2c3d4e5f6789abcdef0123456789",
        "0a1b2c3d-4e5f-6789-abcd-ef012345678g", " 0a1b2c3d-4e5f-6789-abcd-ef01234567"}) {
    auto r = load(std::string("version: 1\nenvironment: \"") + id + "\"\n");
    ASSERT_EQ(r.diagnostics.size(), 1u) << id;
    EXPECT_EQ(r.diagnostics[0].line, 2) << id;
    EXPECT_EQ(r.diagnostics[0].column, 14) << id;
  }
}

TEST(Loader, MissingFileIsNamed) {
  auto r = loadManifest("/nonexistent/pingplan.yaml", testing::fakeEnv());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].str(),
            "/nonexistent/pingplan.yaml: error: cannot read the manifest: No such file or "
            "directory (pass its path, or run where pingplan.yaml is)");
}

TEST(Loader, ScopesOfAResourceWithoutAScopeListAreNotCheckedOffline) {
  auto r = load(
      "version: 1\nresources:\n  - name: R\napplications:\n  - name: A\n    type: WORKER\n"
      "    grantTypes: [CLIENT_CREDENTIALS]\n    grants: [{resource: R, scopes: [live:scope]}]\n");
  EXPECT_TRUE(r.ok());
}

}  // namespace
}  // namespace pingplan::manifest

namespace pingplan::manifest {
namespace {

// Every truncation of every example loads without throwing, and any problem it has comes with
// a position inside the text.
TEST(LoaderRobustness, TruncatedExamplesGiveDiagnosticsNotCrashes) {
  for (const char* name : {"examples/orchestration-tool.yaml", "examples/multi-environment.yaml"}) {
    LoadResult full = loadManifest(testing::sourcePath(name), testing::fakeEnv());
    ASSERT_TRUE(full.ok()) << name;
    std::ifstream in(testing::sourcePath(name));
    std::stringstream text;
    text << in.rdbuf();
    const std::string all = text.str();
    for (std::size_t n = 0; n < all.size(); n += 3) {
      LoadResult r;
      ASSERT_NO_THROW(r = loadManifestText(all.substr(0, n), "t.yaml", testing::fakeEnv()))
          << name << " cut at " << n;
      for (const auto& d : r.diagnostics) {
        EXPECT_GE(d.line, 1) << d.str();
        EXPECT_GE(d.column, 1) << d.str();
      }
    }
  }
}

}  // namespace
}  // namespace pingplan::manifest
