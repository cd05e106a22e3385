// The shipped examples load cleanly and decode to what they say.

#include <gtest/gtest.h>

#include "test_env.h"

namespace pingplan::manifest {
namespace {

TEST(Examples, OrchestrationToolLoadsWithEveryField) {
  const std::string path = testing::sourcePath("examples/orchestration-tool.yaml");
  LoadResult result = loadManifest(path, testing::fakeEnv());
  ASSERT_TRUE(result.ok()) << result.diagnostics[0].str();
  const model::DesiredState& s = result.state;
  EXPECT_EQ(s.environmentId, "");
  ASSERT_EQ(s.resources.size(), 1u);
  const model::Resource& r = s.resources[0];
  EXPECT_EQ(r.name, "Orchestration API");
  EXPECT_EQ(r.audience, "https://orchestration.example.com");
  EXPECT_EQ(r.accessTokenValiditySeconds, 3600);
  EXPECT_EQ(r.origin, path + ":7:5");
  ASSERT_TRUE(r.attributes.has_value());
  ASSERT_EQ(r.attributes->size(), 2u);
  EXPECT_EQ((*r.attributes)[0].name, "name");
  EXPECT_EQ((*r.attributes)[0].value, "OrchestrationTool");
  EXPECT_EQ((*r.attributes)[1].value, "${{'dev-tls-admin', 'prod-tls-audit'}}");
  ASSERT_TRUE(r.scopes.has_value());
  ASSERT_EQ(r.scopes->size(), 1u);
  EXPECT_EQ((*r.scopes)[0].name, "orchestration:admin");
  EXPECT_EQ((*r.scopes)[0].description, "Full administrative access");

  ASSERT_EQ(s.applications.size(), 1u);
  const model::Application& a = s.applications[0];
  EXPECT_EQ(a.name, "Orchestration Tool");
  EXPECT_EQ(a.type, "WORKER");
  EXPECT_TRUE(a.enabled);
  EXPECT_TRUE(a.adminOnly);
  EXPECT_EQ(a.grantTypes, std::vector<std::string>{"CLIENT_CREDENTIALS"});
  EXPECT_TRUE(a.responseTypes.empty());
  EXPECT_EQ(a.tokenEndpointAuthMethod, "CLIENT_SECRET_BASIC");
  ASSERT_TRUE(a.grants.has_value());
  ASSERT_EQ(a.grants->size(), 1u);
  EXPECT_EQ((*a.grants)[0].resource, "Orchestration API");
  EXPECT_EQ((*a.grants)[0].scopes, std::vector<std::string>{"orchestration:admin"});
}

TEST(Examples, MultiEnvironmentUsesDefaultsWithNoVariables) {
  LoadResult result =
      loadManifest(testing::sourcePath("examples/multi-environment.yaml"), testing::fakeEnv());
  ASSERT_TRUE(result.ok()) << result.diagnostics[0].str();
  const model::DesiredState& s = result.state;
  EXPECT_EQ(s.environmentId, "");
  ASSERT_EQ(s.resources.size(), 1u);
  EXPECT_EQ(s.resources[0].audience, "https://billing.dev.example.com");
  EXPECT_EQ(s.resources[0].description, "Billing API (dev)");
  EXPECT_EQ((*s.resources[0].attributes)[1].value, "${user.email}");
  ASSERT_EQ(s.applications.size(), 3u);
  EXPECT_EQ(s.applications[0].redirectUris,
            std::vector<std::string>{"https://billing.dev.example.com/callback"});
  EXPECT_EQ(s.applications[0].grantTypes,
            (std::vector<std::string>{"AUTHORIZATION_CODE", "REFRESH_TOKEN"}));
  EXPECT_EQ((*s.applications[0].grants)[0].scopes,
            (std::vector<std::string>{"email", "openid", "profile"}));
  EXPECT_TRUE(s.applications[1].enabled);
  EXPECT_TRUE(s.applications[2].absent);
  EXPECT_FALSE(s.applications[2].grants.has_value());
}

TEST(Examples, MultiEnvironmentTakesTheVariables) {
  LoadResult result =
      loadManifest(testing::sourcePath("examples/multi-environment.yaml"),
                   testing::fakeEnv({{"TARGET_ENV_ID", "0f9c3a1e-4b7d-4c52-9a1e-2d3b4c5d6e7f"},
                                     {"STAGE", "prod"},
                                     {"API_AUDIENCE", "https://billing.example.com"},
                                     {"TOKEN_VALIDITY", "900"},
                                     {"BATCH_ENABLED", "false"}}));
  ASSERT_TRUE(result.ok()) << result.diagnostics[0].str();
  EXPECT_EQ(result.state.environmentId, "0f9c3a1e-4b7d-4c52-9a1e-2d3b4c5d6e7f");
  EXPECT_EQ(result.state.resources[0].audience, "https://billing.example.com");
  EXPECT_EQ(result.state.resources[0].accessTokenValiditySeconds, 900);
  EXPECT_EQ((*result.state.resources[0].attributes)[0].value, "prod");
  EXPECT_FALSE(result.state.applications[1].enabled);
}

}  // namespace
}  // namespace pingplan::manifest
