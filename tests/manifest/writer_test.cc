// writeManifest: defaults left out, stable order, "$(" escaped, and a round trip through the
// loader gives back an equal state.

#include "manifest/writer.h"

#include <gtest/gtest.h>

#include "test_env.h"

namespace pingplan::manifest {
namespace {

model::DesiredState richState() {
  model::DesiredState s;
  s.environmentId = "ignored-env";
  model::Resource orders;
  orders.name = "Orders API";
  orders.description = "costs $(price) and ${user.id}";
  orders.audience = "https://orders.example.com";
  orders.accessTokenValiditySeconds = 7200;
  orders.attributes = std::vector<model::Attribute>{
      {"", "tier", "gold", "", {}}, {"", "count", "42", "", {}}, {"", "flag", "true", "", {}}};
  orders.scopes = std::vector<model::Scope>{{"", "orders:write", "", {}},
                                            {"", "orders:read", "Read: orders", {}}};
  model::Resource empty;
  empty.name = "Billing API";
  empty.description = "line one\nline two\n  indented";
  empty.audience = "Billing API";
  empty.attributes = std::vector<model::Attribute>{};
  model::Resource gone;
  gone.name = "Legacy";
  gone.audience = "Legacy";
  gone.absent = true;
  s.resources = {orders, empty, gone};

  model::Application web;
  web.name = "Web";
  web.description = "null";
  web.type = "WEB_APP";
  web.enabled = false;
  web.grantTypes = {"AUTHORIZATION_CODE", "IMPLICIT"};
  web.responseTypes = {"CODE", "ID_TOKEN"};
  web.tokenEndpointAuthMethod = "PRIVATE_KEY_JWT";
  web.adminOnly = true;
  web.redirectUris = {"https://web.example.com/b", "https://web.example.com/a"};
  web.postLogoutRedirectUris = {"https://web.example.com/"};
  web.pkceEnforcement = "S256_REQUIRED";
  web.refreshTokenDuration = 600;
  web.refreshTokenRollingDuration = 1200;
  web.jwks = R"({"keys":[]})";
  web.grants = std::vector<model::Grant>{{"", "openid", {"email", "openid"}, "", {}, {}},
                                         {"", "Orders API", {"orders:read"}, "", {}, {}}};
  model::Application worker;
  worker.name = "2024";
  worker.type = "WORKER";
  worker.grantTypes = {"CLIENT_CREDENTIALS"};
  worker.jwksUrl = "https://keys.example.com/jwks";
  worker.grants = std::vector<model::Grant>{};
  model::Application old;
  old.name = "Old";
  old.absent = true;
  s.applications = {web, worker, old};
  return s;
}

template <class T>
std::vector<T> sortedByName(std::vector<T> v) {
  std::sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.name < b.name; });
  return v;
}

void expectEqual(const model::DesiredState& want, const model::DesiredState& got) {
  auto wr = sortedByName(want.resources), gr = got.resources;
  ASSERT_EQ(wr.size(), gr.size());
  for (std::size_t i = 0; i < wr.size(); ++i) {
    EXPECT_EQ(wr[i].name, gr[i].name);
    EXPECT_EQ(wr[i].absent, gr[i].absent);
    if (wr[i].absent) continue;
    EXPECT_EQ(wr[i].description, gr[i].description);
    EXPECT_EQ(wr[i].audience, gr[i].audience);
    EXPECT_EQ(wr[i].accessTokenValiditySeconds, gr[i].accessTokenValiditySeconds);
    ASSERT_EQ(wr[i].attributes.has_value(), gr[i].attributes.has_value()) << wr[i].name;
    if (wr[i].attributes) {
      auto wa = sortedByName(*wr[i].attributes);
      ASSERT_EQ(wa.size(), gr[i].attributes->size());
      for (std::size_t j = 0; j < wa.size(); ++j) {
        EXPECT_EQ(wa[j].name, (*gr[i].attributes)[j].name);
        EXPECT_EQ(wa[j].value, (*gr[i].attributes)[j].value);
      }
    }
    ASSERT_EQ(wr[i].scopes.has_value(), gr[i].scopes.has_value()) << wr[i].name;
    if (wr[i].scopes) {
      auto ws = sortedByName(*wr[i].scopes);
      ASSERT_EQ(ws.size(), gr[i].scopes->size());
      for (std::size_t j = 0; j < ws.size(); ++j) {
        EXPECT_EQ(ws[j].name, (*gr[i].scopes)[j].name);
        EXPECT_EQ(ws[j].description, (*gr[i].scopes)[j].description);
      }
    }
  }
  auto wa = sortedByName(want.applications), ga = got.applications;
  ASSERT_EQ(wa.size(), ga.size());
  for (std::size_t i = 0; i < wa.size(); ++i) {
    const auto &w = wa[i], &g = ga[i];
    EXPECT_EQ(w.name, g.name);
    EXPECT_EQ(w.absent, g.absent);
    if (w.absent) continue;
    EXPECT_EQ(w.description, g.description);
    EXPECT_EQ(w.type, g.type);
    EXPECT_EQ(w.enabled, g.enabled);
    EXPECT_EQ(w.grantTypes, g.grantTypes);
    EXPECT_EQ(w.responseTypes, g.responseTypes);
    EXPECT_EQ(w.tokenEndpointAuthMethod, g.tokenEndpointAuthMethod);
    EXPECT_EQ(w.adminOnly, g.adminOnly);
    EXPECT_EQ(w.redirectUris, g.redirectUris);
    EXPECT_EQ(w.postLogoutRedirectUris, g.postLogoutRedirectUris);
    EXPECT_EQ(w.pkceEnforcement, g.pkceEnforcement);
    EXPECT_EQ(w.refreshTokenDuration, g.refreshTokenDuration);
    EXPECT_EQ(w.refreshTokenRollingDuration, g.refreshTokenRollingDuration);
    EXPECT_EQ(w.jwks, g.jwks);
    EXPECT_EQ(w.jwksUrl, g.jwksUrl);
    ASSERT_EQ(w.grants.has_value(), g.grants.has_value()) << w.name;
    if (!w.grants) continue;
    auto wg = *w.grants;
    std::sort(wg.begin(), wg.end(), [](auto& a, auto& b) { return a.resource < b.resource; });
    ASSERT_EQ(wg.size(), g.grants->size());
    for (std::size_t j = 0; j < wg.size(); ++j) {
      EXPECT_EQ(wg[j].resource, (*g.grants)[j].resource);
      EXPECT_EQ(wg[j].scopes, (*g.grants)[j].scopes);
    }
  }
}

TEST(Writer, RoundTripGivesAnEqualState) {
  const std::string text = writeManifest(richState());
  LoadResult loaded = loadManifestText(text, "export.yaml", testing::fakeEnv());
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics[0].str() << "\n" << text;
  EXPECT_EQ(loaded.state.environmentId, "");
  expectEqual(richState(), loaded.state);
  EXPECT_EQ(writeManifest(loaded.state), text) << "writing is stable";
}

TEST(Writer, LeavesDefaultsOutAndEscapesDollarParen) {
  const std::string text = writeManifest(richState());
  EXPECT_EQ(text.rfind("# Written by pingplan export. Check it with: pingplan validate FILE\n"
                       "version: 1\n",
                       0),
            0u)
      << text;
  EXPECT_EQ(text.find("environment"), std::string::npos);
  EXPECT_EQ(text.find("$schema"), std::string::npos) << "no schema path: it is right nowhere";
  EXPECT_NE(text.find("costs $$(price) and ${user.id}"), std::string::npos) << text;
  EXPECT_EQ(text.find("audience: Billing API"), std::string::npos) << text;
  EXPECT_EQ(text.find("accessTokenValiditySeconds: 3600"), std::string::npos);
  EXPECT_NE(text.find("attributes: []"), std::string::npos) << text;
  EXPECT_LT(text.find("name: Billing API"), text.find("name: Legacy"));
  EXPECT_LT(text.find("name: Legacy"), text.find("name: Orders API"));
  EXPECT_LT(text.find("name: \"2024\""), text.find("name: Web")) << text;
}

TEST(Writer, MinimalWorkerIsShort) {
  model::DesiredState s;
  model::Application a;
  a.name = "Orchestration Tool";
  a.type = "WORKER";
  a.grantTypes = {"CLIENT_CREDENTIALS"};
  s.applications = {a};
  EXPECT_EQ(writeManifest(s),
            "# Written by pingplan export. Check it with: pingplan validate FILE\n"
            "version: 1\n"
            "applications:\n"
            "  - name: Orchestration Tool\n"
            "    type: WORKER\n"
            "    grantTypes: [CLIENT_CREDENTIALS]\n");
}

}  // namespace
}  // namespace pingplan::manifest
