#pragma once
// A hand-built plan with every action on every kind, in plan order, for the golden files.

#include "plan/plan.h"

namespace pingplan::testing {

inline plan::Change change(plan::Action action, plan::Kind kind, std::string name,
                           std::string parent, plan::Json before, plan::Json after,
                           std::vector<std::string> reasons) {
  plan::Change c;
  c.action = action;
  c.kind = kind;
  c.name = std::move(name);
  c.parent = std::move(parent);
  c.before = std::move(before);
  c.after = std::move(after);
  c.reasons = std::move(reasons);
  return c;
}

inline plan::Json app(std::string name, std::string type, std::string description,
                      std::vector<std::string> grantTypes) {
  return plan::Json{{"name", name},
                    {"description", description},
                    {"type", type},
                    {"protocol", "OPENID_CONNECT"},
                    {"enabled", true},
                    {"grantTypes", grantTypes},
                    {"responseTypes", plan::Json::array()},
                    {"tokenEndpointAuthMethod", "CLIENT_SECRET_BASIC"},
                    {"adminOnly", false},
                    {"redirectUris", plan::Json::array()},
                    {"postLogoutRedirectUris", plan::Json::array()},
                    {"pkceEnforcement", "OPTIONAL"},
                    {"refreshTokenDuration", 2592000},
                    {"refreshTokenRollingDuration", 15552000}};
}

inline plan::Plan samplePlan() {
  using plan::Action;
  using plan::Kind;
  using J = plan::Json;
  const char* notLive = "not in the live environment";
  plan::Plan p;
  p.environmentId = "0b7e2a3c-1111-4d2e-9a7b-123456789abc";
  auto res = [](std::string name, std::string description, std::string audience, int validity) {
    return J{{"name", name},
             {"description", description},
             {"audience", audience},
             {"accessTokenValiditySeconds", validity}};
  };
  auto& c = p.changes;
  c.push_back(change(Action::Create, Kind::Resource, "Billing API", "", nullptr,
                     res("Billing API", "Invoices", "https://billing.example.com", 3600),
                     {notLive}));
  c.push_back(change(Action::Update, Kind::Resource, "Orders API", "",
                     res("Orders API", "Orders", "https://orders.example.com", 3600),
                     res("Orders API", "Orders and returns", "https://orders.example.com", 7200),
                     {"description differs", "accessTokenValiditySeconds differs"}));
  c.push_back(change(Action::Create, Kind::Attribute, "plan", "Billing API", nullptr,
                     J{{"name", "plan"}, {"value", "${user.plan}"}}, {notLive}));
  c.push_back(change(Action::Update, Kind::Attribute, "sub", "Billing API",
                     J{{"name", "sub"}, {"value", "${user.id}"}},
                     J{{"name", "sub"}, {"value", "${user.email}"}}, {"value differs"}));
  c.push_back(change(Action::Create, Kind::Scope, "billing:read", "Billing API", nullptr,
                     J{{"name", "billing:read"}, {"description", "Read invoices"}}, {notLive}));
  c.push_back(change(Action::Update, Kind::Scope, "orders:read", "Orders API",
                     J{{"name", "orders:read"}, {"description", "Read"}},
                     J{{"name", "orders:read"}, {"description", "Read orders"}},
                     {"description differs"}));
  c.push_back(change(Action::Create, Kind::Application, "Billing Portal", "", nullptr,
                     app("Billing Portal", "WEB_APP", "", {"AUTHORIZATION_CODE"}), {notLive}));
  c.push_back(change(Action::Replace, Kind::Application, "Orders Worker", "",
                     app("Orders Worker", "WORKER", "Pipeline client", {"CLIENT_CREDENTIALS"}),
                     app("Orders Worker", "SERVICE", "Pipeline client", {"CLIENT_CREDENTIALS"}),
                     {"type is immutable in PingOne (WORKER -> SERVICE)"}));
  c.push_back(
      change(Action::Update, Kind::Application, "Reports", "",
             app("Reports", "WORKER", "", {"CLIENT_CREDENTIALS"}),
             app("Reports", "WORKER", "Nightly reports", {"CLIENT_CREDENTIALS", "REFRESH_TOKEN"}),
             {"description differs", "grantTypes differs"}));
  c.push_back(change(Action::Delete, Kind::Grant, "Orders API", "Reports",
                     J{{"resource", "Orders API"}, {"scopes", {"orders:read"}}}, nullptr,
                     {"not declared in the manifest"}));
  c.push_back(change(Action::Update, Kind::Grant, "openid", "Reports",
                     J{{"resource", "openid"}, {"scopes", {"openid"}}},
                     J{{"resource", "openid"}, {"scopes", {"email", "openid"}}},
                     {"scopes differs"}));
  c.push_back(change(Action::Create, Kind::Grant, "Billing API", "Billing Portal", nullptr,
                     J{{"resource", "Billing API"}, {"scopes", {"billing:read"}}}, {notLive}));
  c.push_back(change(Action::Create, Kind::Grant, "Orders API", "Orders Worker", nullptr,
                     J{{"resource", "Orders API"}, {"scopes", {"orders:read"}}},
                     {"the application is replaced"}));
  c.push_back(change(Action::Delete, Kind::Attribute, "tenant", "Orders API",
                     J{{"name", "tenant"}, {"value", "acme"}}, nullptr,
                     {"not declared in the manifest"}));
  c.push_back(change(Action::Delete, Kind::Scope, "orders:write", "Orders API",
                     J{{"name", "orders:write"}, {"description", "Write orders"}}, nullptr,
                     {"not declared in the manifest"}));
  c.push_back(change(Action::Delete, Kind::Application, "Old Client", "",
                     app("Old Client", "NATIVE_APP", "", {"AUTHORIZATION_CODE"}), nullptr,
                     {"ensure: absent"}));
  c.push_back(change(Action::Delete, Kind::Resource, "Legacy API", "",
                     res("Legacy API", "", "Legacy API", 3600), nullptr, {"ensure: absent"}));
  return p;
}

}  // namespace pingplan::testing
