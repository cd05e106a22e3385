// The differ's name indexes (live and desired, by hash map): which live object a name finds,
// how duplicates are reported, and that a large equal state plans no change.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "diff/diff.h"
#include "fixtures.h"

namespace pingplan::testing {
namespace {

std::vector<std::string> messages(const std::vector<diff::DiffError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.message);
  return out;
}

// Given three live CUSTOM resources and two live apps sharing managed names (and a built-in
// of the same name, which does not count), Then one error per name, resources first, listing
// every id in live order.
TEST(NameIndex, DuplicatesListEveryIdInLiveOrder) {
  auto live = baseLive();
  live.resources.push_back(liveResource("Orders API", "r-dup1", "CUSTOM", {}, {}));
  live.resources.push_back(liveResource("Orders API", "r-builtin", "PINGONE_API", {}, {}));
  live.resources.push_back(liveResource("Orders API", "r-dup2", "CUSTOM", {}, {}));
  live.applications.insert(live.applications.begin(),
                           liveApp("Orders Worker", "app-first", "WORKER", {}));
  auto p = diff::makePlan(baseDesired(), live);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(messages(p.error()),
            (std::vector<std::string>{
                "two live resources are named \"Orders API\" (ids r-Orders API, r-dup1 and "
                "r-dup2); pingplan matches by name and will not guess: rename or delete one of "
                "them in PingOne",
                "two live applications are named \"Orders Worker\" (ids app-first and "
                "app-worker); pingplan matches by name and will not guess: rename or delete one "
                "of them in PingOne"}));
}

// Given a grant on an unmanaged name held by a built-in listed first and by a CUSTOM resource,
// Then the CUSTOM resource's scopes are the ones checked.
TEST(NameIndex, GrantOnUnmanagedNamePrefersCustom) {
  auto live = baseLive();
  live.resources.insert(live.resources.begin(),
                        liveResource("Legacy API", "r-legacy-builtin", "OPENID_CONNECT", {},
                                     {scope("only:builtin", "")}));
  auto d = baseDesired();
  d.applications[0].grants = {grant("Orders API", {"orders:read"}),
                              grant("Legacy API", {"legacy:all", "only:builtin"})};
  auto p = diff::makePlan(d, live);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(messages(p.error()),
            (std::vector<std::string>{
                "application \"Orders Worker\" has a grant on scope \"only:builtin\" of resource "
                "\"Legacy API\", which does not exist live and is not being created"}));
}

// Given a built-in alone under a name, Then a grant on it is checked against its scopes.
TEST(NameIndex, GrantOnBuiltInOnlyUsesItsScopes) {
  auto d = baseDesired();
  d.applications[0].grants = {grant("Orders API", {"orders:read"}), grant("openid", {"email"})};
  auto p = diff::makePlan(d, baseLive());
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->changes.size(), 1u);
  EXPECT_EQ(p->changes[0].name, "openid");
  EXPECT_EQ(p->changes[0].parent, "Orders Worker");
}

// Given 1,000 resources and 1,000 apps granted on them, equal on both sides, Then no change;
// with the live side empty, Then one create per object.
TEST(NameIndex, LargeStatesPlanEveryObjectOnce) {
  auto d = baseDesired();
  auto live = baseLive();
  const int n = 1000;
  for (int i = 0; i < n; ++i) {
    const std::string name = "API " + std::to_string(i);
    auto want = desiredResource(name);
    want.scopes = {scope("s" + std::to_string(i), "")};
    d.resources.push_back(want);
    auto have = liveResource(name, "r-" + name, "CUSTOM", {},
                             {scope("s" + std::to_string(i), "", "s-" + name)});
    have.audience = name;
    live.resources.push_back(have);
    auto app = desiredApp("App " + std::to_string(i));
    app.grants = {grant(name, {"s" + std::to_string(i)})};
    d.applications.push_back(app);
    auto liveA = liveApp("App " + std::to_string(i), "app-" + std::to_string(i), "WORKER",
                         {grant(name, {"s" + std::to_string(i)}, "g-" + std::to_string(i))});
    live.applications.push_back(liveA);
  }
  auto same = diff::makePlan(d, live);
  ASSERT_TRUE(same.ok()) << messages(same.error()).front();
  EXPECT_EQ(same->changes.size(), 0u);

  model::LiveState empty;
  empty.resources = {baseLive().resources[0], baseLive().resources[1]};  // the built-ins
  auto creates = diff::makePlan(d, empty);
  ASSERT_TRUE(creates.ok()) << messages(creates.error()).front();
  // Per object: resource, scope, app, grant; plus the base manifest's
  // resource, its attribute and 2 scopes, its app and grant.
  EXPECT_EQ(creates->changes.size(), static_cast<std::size_t>(4 * n + 6));
}

}  // namespace
}  // namespace pingplan::testing
