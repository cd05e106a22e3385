// Table-driven differ tests: each case edits the base manifest and/or the base live state
// (fixtures.h) and lists the exact changes (in plan order) or the errors it expects.

#include "diff/diff.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "fixtures.h"
#include "model/json.h"

namespace pingplan::testing {
namespace {

using model::DesiredState;
using model::LiveState;

/// "create scope Orders API/orders:admin (not in the live environment)"
std::string describe(const plan::Change& c) {
  std::string s = std::string(plan::toString(c.action)) + " " + plan::toString(c.kind) + " " +
                  (c.parent.empty() ? "" : c.parent + "/") + c.name + " (";
  for (std::size_t i = 0; i < c.reasons.size(); ++i) s += (i ? "; " : "") + c.reasons[i];
  return s + ")";
}

std::vector<std::string> describeAll(const plan::Plan& p) {
  std::vector<std::string> out;
  for (const auto& c : p.changes) out.push_back(describe(c));
  return out;
}

struct Case {
  const char* name;
  std::function<void(DesiredState&, LiveState&)> edit;
  std::vector<std::string> changes;  // expected, in order
  std::vector<std::string> errors;   // expected error substrings (then no plan)
};

/// The resource or app of that name in either state (both are EnvironmentStates).
model::Resource& res(model::EnvironmentState& d, const std::string& name) {
  for (auto& r : d.resources) {
    if (r.name == name) return r;
  }
  throw std::runtime_error("no resource " + name);
}
model::Application& app(model::EnvironmentState& d, const std::string& name) {
  for (auto& a : d.applications) {
    if (a.name == name) return a;
  }
  throw std::runtime_error("no application " + name);
}
const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      // Given a manifest that matches live, When planned, Then nothing changes (unmanaged
      // untouched).
      {"in_sync", [](DesiredState&, LiveState&) {}, {}, {}},
      // Given a new resource with children, When planned, Then the resource, then its children.
      {"create_resource_with_children",
       [](DesiredState& d, LiveState&) {
         auto r = desiredResource("Billing API");
         r.attributes = {attr("plan", "gold")};
         r.scopes = {scope("billing:read", "Read")};
         d.resources.push_back(r);
       },
       {"create resource Billing API (not in the live environment)",
        "create scope Billing API/billing:read (not in the live environment)",
        "create attribute Billing API/plan (not in the live environment)"},
       {}},
      // Given a different description, When planned, Then an update naming the field.
      {"update_resource_description",
       [](DesiredState& d, LiveState&) { res(d, "Orders API").description = "New"; },
       {"update resource Orders API (description differs)"},
       {}},
      // Given live audience left out and a manifest audience defaulted to the name, Then no change.
      {"audience_default_both_sides",
       [](DesiredState& d, LiveState& l) {
         res(d, "Orders API").audience = "Orders API";
         res(l, "Orders API").audience = "";
       },
       {},
       {}},
      // Given a different validity and audience, When planned, Then one update with both reasons.
      {"update_resource_two_fields",
       [](DesiredState& d, LiveState&) {
         res(d, "Orders API").accessTokenValiditySeconds = 7200;
         res(d, "Orders API").audience = "https://other";
       },
       {"update resource Orders API (audience differs; accessTokenValiditySeconds differs)"},
       {}},
      // Given an attribute value that differs, Then the attribute is updated.
      {"update_attribute",
       [](DesiredState& d, LiveState&) { res(d, "Orders API").attributes = {attr("tenant", "x")}; },
       {"update attribute Orders API/tenant (value differs)"},
       {}},
      // Given a live attribute the manifest does not list, Then it is deleted (sub is kept).
      {"delete_undeclared_attribute",
       [](DesiredState& d, LiveState&) {
         res(d, "Orders API").attributes = std::vector<model::Attribute>{};
       },
       {"delete attribute Orders API/tenant (not declared in the manifest)"},
       {}},
      // Given attributes omitted from the manifest, Then live attributes are not managed.
      {"attributes_unmanaged_when_omitted",
       [](DesiredState& d, LiveState& l) {
         res(d, "Orders API").attributes.reset();
         res(l, "Orders API").attributes->push_back(attr("extra", "1", "a-extra"));
       },
       {},
       {}},
      // Given sub declared with another value, Then sub is updated in place.
      {"update_sub",
       [](DesiredState& d, LiveState&) {
         res(d, "Orders API").attributes->push_back(attr("sub", "${user.username}"));
       },
       {"update attribute Orders API/sub (value differs)"},
       {}},
      // Given sub declared with its live value, Then no change.
      {"sub_unchanged",
       [](DesiredState& d, LiveState&) {
         res(d, "Orders API").attributes->push_back(attr("sub", "${user.id}"));
       },
       {},
       {}},
      // Given a new resource declaring a custom sub, Then an update of sub (not a create).
      {"new_resource_custom_sub",
       [](DesiredState& d, LiveState&) {
         auto r = desiredResource("Billing API");
         r.attributes = {attr("sub", "${user.username}")};
         d.resources.push_back(r);
       },
       {"create resource Billing API (not in the live environment)",
        "update attribute Billing API/sub (value differs)"},
       {}},
      // Given a new resource declaring sub at its default, Then no sub change at all.
      {"new_resource_default_sub",
       [](DesiredState& d, LiveState&) {
         auto r = desiredResource("Billing API");
         r.attributes = {attr("sub", "${user.id}")};
         d.resources.push_back(r);
       },
       {"create resource Billing API (not in the live environment)"},
       {}},
      // Given a scope removed from the authoritative list, Then that scope is deleted.
      {"delete_undeclared_scope",
       [](DesiredState& d, LiveState&) {
         res(d, "Orders API").scopes = {scope("orders:read", "Read orders")};
       },
       {"delete scope Orders API/orders:write (not declared in the manifest)"},
       {}},
      // Given a scope description that differs, Then the scope is updated.
      {"update_scope",
       [](DesiredState& d, LiveState&) {
         res(d, "Orders API").scopes = {scope("orders:read", "Read"),
                                        scope("orders:write", "Write orders")};
       },
       {"update scope Orders API/orders:read (description differs)"},
       {}},
      // Given an unmanaged app holding a scope the manifest drops, Then an error naming the app.
      {"delete_scope_held_by_unmanaged_app",
       [](DesiredState& d, LiveState& l) {
         res(d, "Orders API").scopes = {scope("orders:read", "Read orders")};
         app(l, "Legacy Client").grants->push_back(grant("Orders API", {"orders:write"}, "g-l2"));
       },
       {},
       {"scope \"orders:write\" of resource \"Orders API\" cannot be deleted: application "
        "\"Legacy Client\" (id app-legacy)"}},
      // Given a managed app without a grants list holding the scope, Then an error naming it.
      {"delete_scope_held_by_app_with_unmanaged_grants",
       [](DesiredState& d, LiveState& l) {
         res(d, "Orders API").scopes = {scope("orders:read", "Read orders")};
         app(d, "Orders Worker").grants.reset();
         app(l, "Orders Worker").grants = {grant("Orders API", {"orders:write"}, "g-worker")};
       },
       {},
       {"application \"Orders Worker\" (id app-worker), whose grants the manifest does not "
        "manage"}},
      // Given ensure: absent on a live resource, Then grants of managed apps, children, resource.
      {"absent_resource",
       [](DesiredState& d, LiveState&) {
         res(d, "Orders API").absent = true;
         app(d, "Orders Worker").grants = std::vector<model::Grant>{};
       },
       {"delete grant Orders Worker/Orders API (ensure: absent)",
        "delete scope Orders API/orders:read (ensure: absent)",
        "delete scope Orders API/orders:write (ensure: absent)",
        "delete attribute Orders API/tenant (ensure: absent)",
        "delete resource Orders API (ensure: absent)"},
       {}},
      // Given ensure: absent on a resource an unmanaged app is granted, Then an error naming it.
      {"absent_resource_granted_to_unmanaged_app",
       [](DesiredState& d, LiveState&) {
         auto r = desiredResource("Legacy API");
         r.absent = true;
         d.resources.push_back(r);
       },
       {},
       {"resource \"Legacy API\" cannot be deleted: application \"Legacy Client\" (id "
        "app-legacy), which the manifest does not manage"}},
      // Given ensure: absent on objects that are not live, Then no change.
      {"absent_already_absent",
       [](DesiredState& d, LiveState&) {
         auto r = desiredResource("Gone API");
         r.absent = true;
         d.resources.push_back(r);
         auto a = desiredApp("Gone App");
         a.absent = true;
         d.applications.push_back(a);
       },
       {},
       {}},
      // Given ensure: absent on a live app, Then its grants, then the app.
      {"absent_application",
       [](DesiredState& d, LiveState&) { app(d, "Orders Worker").absent = true; },
       {"delete grant Orders Worker/Orders API (ensure: absent)",
        "delete application Orders Worker (ensure: absent)"},
       {}},
      // Given a new app with a grant, Then the app (phase 2) and the grant (phase 5).
      {"create_application_with_grant",
       [](DesiredState& d, LiveState&) {
         auto a = desiredApp("Web Portal", "WEB_APP");
         a.grants = {grant("openid", {"openid", "profile"})};
         d.applications.push_back(a);
       },
       {"create application Web Portal (not in the live environment)",
        "create grant Web Portal/openid (not in the live environment)"},
       {}},
      // Given app fields that differ, Then one update naming each field.
      {"update_application",
       [](DesiredState& d, LiveState&) {
         app(d, "Orders Worker").description = "";
         app(d, "Orders Worker").enabled = false;
         app(d, "Orders Worker").adminOnly = true;
       },
       {"update application Orders Worker (description differs; enabled differs; adminOnly "
        "differs)"},
       {}},
      // Given set fields in another order, Then no change.
      {"sets_compare_as_sets",
       [](DesiredState& d, LiveState& l) {
         app(d, "Orders Worker").grantTypes = {"REFRESH_TOKEN", "CLIENT_CREDENTIALS"};
         app(l, "Orders Worker").grantTypes = {"CLIENT_CREDENTIALS", "REFRESH_TOKEN"};
         app(d, "Orders Worker").redirectUris = {"https://b", "https://a"};
         app(l, "Orders Worker").redirectUris = {"https://a", "https://b"};
         app(d, "Orders Worker").responseTypes = {"TOKEN", "CODE"};
         app(l, "Orders Worker").responseTypes = {"CODE", "TOKEN"};
       },
       {},
       {}},
      // Given live fields the API left empty, Then PingOne's defaults apply and nothing changes.
      {"application_defaults_on_live",
       [](DesiredState&, LiveState& l) {
         app(l, "Orders Worker").pkceEnforcement = "";
         app(l, "Orders Worker").tokenEndpointAuthMethod = "";
       },
       {},
       {}},
      // Given the same JWK set with keys in another order, Then no change.
      {"jwks_compare_as_json",
       [](DesiredState& d, LiveState& l) {
         app(d, "Orders Worker").jwks = R"({"keys":[{"kty":"RSA","n":"x","e":"AQAB"}]})";
         app(l, "Orders Worker").jwks = R"({"keys": [{"e": "AQAB", "n": "x", "kty": "RSA"}]})";
       },
       {},
       {}},
      // Given another type, Then a replace with the immutable reason; its grants are re-created.
      {"replace_on_type",
       [](DesiredState& d, LiveState&) { app(d, "Orders Worker").type = "SERVICE"; },
       {"replace application Orders Worker (type is immutable in PingOne (WORKER -> SERVICE))",
        "create grant Orders Worker/Orders API (the application is replaced)"},
       {}},
      // Given another protocol and description, Then a replace listing both reasons.
      {"replace_on_protocol",
       [](DesiredState& d, LiveState&) {
         app(d, "Orders Worker").protocol = "SAML";
         app(d, "Orders Worker").description = "x";
       },
       {"replace application Orders Worker (protocol is immutable in PingOne (OPENID_CONNECT -> "
        "SAML); description differs)",
        "create grant Orders Worker/Orders API (the application is replaced)"},
       {}},
      // Given a replaced app whose grants the manifest omits, Then its live grants come back.
      {"replace_keeps_unmanaged_grants",
       [](DesiredState& d, LiveState&) {
         app(d, "Orders Worker").type = "SERVICE";
         app(d, "Orders Worker").grants.reset();
       },
       {"replace application Orders Worker (type is immutable in PingOne (WORKER -> SERVICE))",
        "create grant Orders Worker/Orders API (the application is replaced)"},
       {}},
      // Given grant scopes that differ, Then the grant is updated.
      {"update_grant_scopes",
       [](DesiredState& d, LiveState&) {
         app(d, "Orders Worker").grants = {grant("Orders API", {"orders:write", "orders:read"})};
       },
       {"update grant Orders Worker/Orders API (scopes differs)"},
       {}},
      // Given the same scopes in another order, Then no change.
      {"grant_scopes_are_a_set",
       [](DesiredState& d, LiveState& l) {
         app(d, "Orders Worker").grants = {grant("Orders API", {"orders:write", "orders:read"})};
         app(l, "Orders Worker").grants = {
             grant("Orders API", {"orders:read", "orders:write"}, "g-worker")};
       },
       {},
       {}},
      // Given a grant moved to a new resource, Then its delete comes before the create.
      {"grant_moved_to_other_resource",
       [](DesiredState& d, LiveState&) {
         auto r = desiredResource("Billing API");
         r.scopes = {scope("billing:read", "")};
         d.resources.push_back(r);
         app(d, "Orders Worker").grants = {grant("Billing API", {"billing:read"})};
       },
       {"create resource Billing API (not in the live environment)",
        "create scope Billing API/billing:read (not in the live environment)",
        "delete grant Orders Worker/Orders API (not declared in the manifest)",
        "create grant Orders Worker/Billing API (not in the live environment)"},
       {}},
      // Given grants omitted from the manifest, Then live grants are not managed.
      {"grants_unmanaged_when_omitted",
       [](DesiredState& d, LiveState& l) {
         app(d, "Orders Worker").grants.reset();
         app(l, "Orders Worker").grants->push_back(grant("openid", {"email"}, "g-x"));
       },
       {},
       {}},
      // Given a grant on a scope that exists nowhere, Then an error naming it.
      {"grant_unknown_scope",
       [](DesiredState& d, LiveState&) {
         app(d, "Orders Worker").grants = {grant("Orders API", {"orders:admin"})};
       },
       {},
       {"application \"Orders Worker\" has a grant on scope \"orders:admin\" of resource "
        "\"Orders API\", which does not exist live and is not being created"}},
      // Given a grant on a resource that exists nowhere, Then an error naming it.
      {"grant_unknown_resource",
       [](DesiredState& d, LiveState&) {
         app(d, "Orders Worker").grants = {grant("Nope API", {"x"})};
       },
       {},
       {"grant on resource \"Nope API\", which does not exist live and is not declared"}},
      // Given two live resources with a managed name, Then an error naming both ids.
      {"duplicate_live_resource",
       [](DesiredState&, LiveState& l) {
         l.resources.push_back(liveResource("Orders API", "r-dup", "CUSTOM", {}, {}));
       },
       {},
       {"two live resources are named \"Orders API\" (ids r-Orders API and r-dup)"}},
      // Given two live apps with a managed name, Then an error naming both ids.
      {"duplicate_live_application",
       [](DesiredState&, LiveState& l) {
         l.applications.push_back(liveApp("Orders Worker", "app-dup", "SERVICE", {}));
       },
       {},
       {"two live applications are named \"Orders Worker\" (ids app-worker and app-dup)"}},
      // Given duplicate live names the manifest does not list, Then no error and no change.
      {"duplicate_unmanaged_names_ignored",
       [](DesiredState&, LiveState& l) {
         l.applications.push_back(liveApp("Legacy Client", "app-dup", "WEB_APP", {}));
       },
       {},
       {}},
      // Given a manifest app named like a system app, Then the system app is not matched.
      {"system_app_never_matched",
       [](DesiredState& d, LiveState&) { d.applications.push_back(desiredApp("Admin Console")); },
       {"create application Admin Console (not in the live environment)"},
       {}},
      // Given a manifest resource named like a built-in, Then the built-in is not matched.
      {"builtin_resource_never_matched",
       [](DesiredState& d, LiveState&) { d.resources.push_back(desiredResource("openid")); },
       {"create resource openid (not in the live environment)"},
       {}},
      // Given an absent resource also missing from the app's grants, Then one grant delete.
      {"grant_delete_not_duplicated",
       [](DesiredState& d, LiveState&) {
         res(d, "Orders API").absent = true;
         res(d, "Orders API").attributes.reset();
         app(d, "Orders Worker").grants = {grant("openid", {"email"})};
       },
       {"delete grant Orders Worker/Orders API (ensure: absent)",
        "create grant Orders Worker/openid (not in the live environment)",
        "delete scope Orders API/orders:read (ensure: absent)",
        "delete scope Orders API/orders:write (ensure: absent)",
        "delete attribute Orders API/tenant (ensure: absent)",
        "delete resource Orders API (ensure: absent)"},
       {}},
      // Given a grant on a scope the manifest also removes, Then an error (it would dangle).
      {"grant_on_scope_being_deleted",
       [](DesiredState& d, LiveState&) {
         res(d, "Orders API").scopes = {scope("orders:write", "Write orders")};
       },
       {},
       {"scope \"orders:read\" of resource \"Orders API\", which does not exist live and is not "
        "being created"}},
      // Given changes of every phase, Then they come out phase by phase, parent then name.
      {"ordering_across_phases",
       [](DesiredState& d, LiveState&) {
         res(d, "Orders API").description = "x";
         res(d, "Orders API").scopes = {scope("orders:read", "Read orders"),
                                        scope("orders:admin", "")};
         res(d, "Orders API").attributes = {attr("b", "1"), attr("a", "1")};
         auto z = desiredApp("Zeta");
         z.grants = {grant("Orders API", {"orders:admin"})};
         d.applications.push_back(z);
         app(d, "Orders Worker").grants = {grant("Orders API", {"orders:read", "orders:admin"})};
         auto gone = desiredResource("Legacy API");
         gone.absent = true;
         d.resources.push_back(gone);
         auto legacy = desiredApp("Legacy Client", "WEB_APP");
         legacy.absent = true;
         d.applications.push_back(legacy);
       },
       {"update resource Orders API (description differs)",
        "create attribute Orders API/a (not in the live environment)",
        "create attribute Orders API/b (not in the live environment)",
        "create scope Orders API/orders:admin (not in the live environment)",
        "create application Zeta (not in the live environment)",
        "delete grant Legacy Client/Legacy API (ensure: absent)",
        "update grant Orders Worker/Orders API (scopes differs)",
        "create grant Zeta/Orders API (not in the live environment)",
        "delete scope Legacy API/legacy:all (ensure: absent)",
        "delete scope Orders API/orders:write (not declared in the manifest)",
        "delete attribute Orders API/tenant (not declared in the manifest)",
        "delete resource Legacy API (ensure: absent)",
        "delete application Legacy Client (ensure: absent)"},
       {}},
  };
  return kCases;
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class DiffTable : public ::testing::TestWithParam<Case> {};

TEST_P(DiffTable, Plans) {
  const Case& c = GetParam();
  DesiredState desired = baseDesired();
  LiveState live = baseLive();
  c.edit(desired, live);
  auto result = diff::makePlan(desired, live);
  if (!c.errors.empty()) {
    ASSERT_FALSE(result.ok()) << ::testing::PrintToString(describeAll(*result));
    std::vector<std::string> messages;
    for (const auto& e : result.error()) messages.push_back(e.message);
    ASSERT_EQ(messages.size(), c.errors.size()) << ::testing::PrintToString(messages);
    for (std::size_t i = 0; i < c.errors.size(); ++i) {
      EXPECT_THAT(messages[i], ::testing::HasSubstr(c.errors[i]));
    }
    return;
  }
  ASSERT_TRUE(result.ok()) << result.error().front().message;
  EXPECT_EQ(describeAll(*result), c.changes);
  // Phases never go backwards.
  for (std::size_t i = 1; i < result->changes.size(); ++i) {
    EXPECT_LE(plan::phase(result->changes[i - 1]), plan::phase(result->changes[i]));
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, DiffTable, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& p) {
                           return std::string(p.param.name);
                         });

// Given an update, When planned, Then before/after are the manifest-terms JSON of both sides
// and the change carries the live ids.
TEST(Diff, UpdateCarriesBeforeAfterAndIds) {
  DesiredState d = baseDesired();
  d.resources[0].attributes = {attr("tenant", "globex")};
  auto p = diff::makePlan(d, baseLive());
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->changes.size(), 1u);
  const auto& c = p->changes[0];
  EXPECT_EQ(c.before, (model::Json{{"name", "tenant"}, {"value", "acme"}}));
  EXPECT_EQ(c.after, (model::Json{{"name", "tenant"}, {"value", "globex"}}));
  EXPECT_EQ(c.id, "a-tenant");
  EXPECT_EQ(c.parentId, "r-Orders API");
  EXPECT_EQ(p->environmentId, "env-1");
}

// Given a sub on a resource to create, Then the update has empty ids for the executor to fill.
TEST(Diff, SubOfNewResourceHasNoIds) {
  DesiredState d = baseDesired();
  auto r = desiredResource("Billing API");
  r.attributes = {attr("sub", "${user.email}")};
  d.resources.push_back(r);
  auto p = diff::makePlan(d, baseLive());
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->changes.size(), 2u);
  EXPECT_EQ(p->changes[1].action, plan::Action::Update);
  EXPECT_EQ(p->changes[1].id, "");
  EXPECT_EQ(p->changes[1].parentId, "");
  EXPECT_EQ(p->changes[1].before["value"], "${user.id}");
  EXPECT_EQ(p->changes[1].after["value"], "${user.email}");
}

// Given the same inputs in another order, Then the same plan, change for change.
TEST(Diff, DeterministicWhateverTheInputOrder) {
  DesiredState d = baseDesired();
  d.resources.push_back(desiredResource("B API"));
  d.resources.push_back(desiredResource("A API"));
  auto z = desiredApp("Zeta");
  z.grants = {grant("openid", {"email"})};
  d.applications.push_back(z);
  LiveState live = baseLive();
  auto first = diff::makePlan(d, live);
  std::reverse(d.resources.begin(), d.resources.end());
  std::reverse(d.applications.begin(), d.applications.end());
  std::reverse(live.resources.begin(), live.resources.end());
  std::reverse(live.applications.begin(), live.applications.end());
  auto second = diff::makePlan(d, live);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(describeAll(*first), describeAll(*second));
  EXPECT_EQ(describeAll(*first),
            (std::vector<std::string>{"create resource A API (not in the live environment)",
                                      "create resource B API (not in the live environment)",
                                      "create application Zeta (not in the live environment)",
                                      "create grant Zeta/openid (not in the live environment)"}));
}

// Given a plan, Then it records the desired state and a summary counting every child.
TEST(Diff, PlanHoldsDesiredAndSummary) {
  DesiredState d = baseDesired();
  d.resources[0].absent = true;
  d.applications[0].grants = std::vector<model::Grant>{};
  auto p = diff::makePlan(d, baseLive());
  ASSERT_TRUE(p.ok());
  auto s = p->summary();
  EXPECT_EQ(s.destroy, 5);
  EXPECT_EQ(s.create + s.update + s.replace, 0);
  EXPECT_EQ(model::toJson(p->desired), model::toJson(d));
}

}  // namespace
}  // namespace pingplan::testing
