// readLiveState against the running emulator: a seeded environment read back whole.

#include <gtest/gtest.h>

#include <algorithm>

#include "emulator_fixture.h"
#include "pingone/codec.h"
#include "pingone/reader.h"

namespace pingplan::pingone {
namespace {

using ReaderAgainstEmulator = testing::EmulatorTest;

template <class T>
const T& named(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.name == name; });
  if (it == items.end()) throw std::runtime_error("no item named " + name);
  return *it;
}

TEST_F(ReaderAgainstEmulator, ReadsResourcesScopesAttributesAppsAndNamedGrants) {
  auto api = client();
  ASSERT_TRUE(api);
  model::Resource resource;
  resource.name = "Orchestration API";
  resource.audience = "https://orchestration.example.com";
  auto r = api->create(Collection::Resources, "", encodeResource(resource));
  ASSERT_TRUE(r.ok()) << message(r.error());
  std::string rid = (*r)["id"];
  std::vector<std::string> scopeIds;
  for (const char* name : {"orchestration:write", "orchestration:admin"}) {
    model::Scope s;
    s.name = name;
    auto created = api->create(Collection::Scopes, rid, encodeScope(s));
    ASSERT_TRUE(created.ok()) << message(created.error());
    scopeIds.push_back((*created)["id"]);
  }
  model::Attribute attribute;
  attribute.name = "groups";
  attribute.value = "${{'dev-tls-admin'}}";
  ASSERT_TRUE(api->create(Collection::Attributes, rid, encodeAttribute(attribute)).ok());

  model::Application app;
  app.name = "Orchestration Tool";
  app.type = "WORKER";
  app.grantTypes = {"CLIENT_CREDENTIALS"};
  app.adminOnly = true;
  auto a = api->create(Collection::Applications, "", encodeApplication(app));
  ASSERT_TRUE(a.ok()) << message(a.error());
  model::Grant grant;
  grant.resourceId = rid;
  grant.scopeIds = scopeIds;
  auto g = api->create(Collection::Grants, (*a)["id"], encodeGrant(grant));
  ASSERT_TRUE(g.ok()) << message(g.error());

  emulator.setFaults({{"pageSize", 1}});
  emulator.clearRequests();
  auto state = readLiveState(*api, 4);
  ASSERT_TRUE(state.ok()) << message(state.error());
  EXPECT_EQ(state->environmentId, emulator.environmentId());

  const auto& live = named(state->resources, "Orchestration API");
  EXPECT_EQ(live.id, rid);
  EXPECT_EQ(live.type, "CUSTOM");
  EXPECT_EQ(live.audience, "https://orchestration.example.com");
  ASSERT_TRUE(live.scopes && live.attributes);
  EXPECT_EQ(live.scopes->size(), 2u);
  EXPECT_EQ(named(*live.attributes, "sub").type, "CORE");
  EXPECT_EQ(named(*live.attributes, "sub").value, "${user.id}");
  EXPECT_EQ(named(*live.attributes, "groups").value, "${{'dev-tls-admin'}}");
  EXPECT_EQ(named(state->resources, "openid").scopes->size(), 5u);

  const auto& tool = named(state->applications, "Orchestration Tool");
  EXPECT_TRUE(tool.adminOnly);
  EXPECT_EQ(tool.pkceEnforcement, "OPTIONAL");
  ASSERT_TRUE(tool.grants);
  ASSERT_EQ(tool.grants->size(), 1u);
  const auto& liveGrant = tool.grants->front();
  EXPECT_EQ(liveGrant.resource, "Orchestration API");
  EXPECT_EQ(liveGrant.scopes,
            (std::vector<std::string>{"orchestration:admin", "orchestration:write"}));
  EXPECT_EQ(liveGrant.scopeIds, (std::vector<std::string>{scopeIds[1], scopeIds[0]}));

  // The admin console's grants are not asked for (PingOne answers 404 there).
  const auto& console =
      *std::find_if(state->applications.begin(), state->applications.end(),
                    [](const model::Application& x) { return x.type == "PING_ONE_ADMIN_CONSOLE"; });
  EXPECT_TRUE(console.grants && console.grants->empty());
  EXPECT_TRUE(waitFor([&] { return count("GET", "/applications/" + tool.id + "/grants") >= 1; }));
  EXPECT_EQ(count("GET", "/applications/" + console.id + "/grants"), 0);
}

TEST_F(ReaderAgainstEmulator, ReportsTheFirstFailure) {
  auto api = client({{"PINGONE_CLIENT_SECRET", "wrong"}});
  auto state = readLiveState(*api, 8);
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.error().kind, ApiError::Kind::Auth);
  EXPECT_EQ(state.error().code, "invalid_client");
}

}  // namespace
}  // namespace pingplan::pingone
