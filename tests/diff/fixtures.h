#pragma once
// Builders for differ tests: a small live environment (built-ins, one managed resource and
// app, unmanaged neighbours) and the manifest that matches it exactly.

#include <string>
#include <vector>

#include "model/model.h"

namespace pingplan::testing {

inline model::Attribute attr(std::string name, std::string value, std::string id = "",
                             std::string type = "CUSTOM") {
  model::Attribute a;
  a.id = std::move(id);
  a.name = std::move(name);
  a.value = std::move(value);
  if (!a.id.empty()) {
    a.type = std::move(type);
    a.raw = {{"id", a.id},
             {"name", a.name},
             {"value", a.value},
             {"type", a.type},
             {"_links", {{"self", {{"href", "https://x/" + a.id}}}}}};
  }
  return a;
}

inline model::Scope scope(std::string name, std::string description, std::string id = "") {
  model::Scope s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.description = std::move(description);
  if (!s.id.empty()) s.raw = {{"id", s.id}, {"name", s.name}, {"description", s.description}};
  return s;
}

inline model::Grant grant(std::string resource, std::vector<std::string> scopes,
                          std::string id = "") {
  model::Grant g;
  g.id = std::move(id);
  g.resource = std::move(resource);
  g.scopes = std::move(scopes);
  if (!g.id.empty()) {
    g.resourceId = "r-" + g.resource;
    g.raw = {{"id", g.id}, {"resource", {{"id", g.resourceId}}}, {"scopes", g.scopes}};
  }
  return g;
}

/// A live resource: ids set, raw filled, lists always present.
inline model::Resource liveResource(std::string name, std::string id, std::string type,
                                    std::vector<model::Attribute> attributes,
                                    std::vector<model::Scope> scopes) {
  model::Resource r;
  r.id = std::move(id);
  r.name = std::move(name);
  r.type = std::move(type);
  r.audience = r.type == "CUSTOM" ? "https://" + r.id : "";
  r.attributes = std::move(attributes);
  r.scopes = std::move(scopes);
  r.raw = {{"id", r.id},
           {"name", r.name},
           {"type", r.type},
           {"audience", r.audience},
           {"accessTokenValiditySeconds", r.accessTokenValiditySeconds},
           {"updatedAt", "2026-01-01T00:00:00Z"}};
  return r;
}

inline model::Application liveApp(std::string name, std::string id, std::string type,
                                  std::vector<model::Grant> grants) {
  model::Application a;
  a.id = std::move(id);
  a.name = std::move(name);
  a.type = std::move(type);
  a.grantTypes = {"CLIENT_CREDENTIALS"};
  a.grants = std::move(grants);
  a.raw = {{"id", a.id},
           {"name", a.name},
           {"type", a.type},
           {"enabled", true},
           {"protocol", "OPENID_CONNECT"},
           {"grantTypes", a.grantTypes}};
  return a;
}

/// openid and PingOne API, the managed "Orders API" and "Orders Worker", an unmanaged
/// "Legacy API" granted to an unmanaged "Legacy Client", and the admin console.
inline model::LiveState baseLive() {
  model::LiveState live;
  live.environmentId = "env-1";
  live.resources.push_back(
      liveResource("openid", "r-openid", "OPENID_CONNECT", {},
                   {scope("openid", "", "s-openid"), scope("profile", "", "s-profile"),
                    scope("email", "", "s-email")}));
  live.resources.push_back(liveResource("PingOne API", "r-p1", "PINGONE_API", {},
                                        {scope("p1:read:user", "", "s-p1read")}));
  auto orders =
      liveResource("Orders API", "r-Orders API", "CUSTOM",
                   {attr("sub", "${user.id}", "a-sub", "CORE"), attr("tenant", "acme", "a-tenant")},
                   {scope("orders:read", "Read orders", "s-read"),
                    scope("orders:write", "Write orders", "s-write")});
  orders.description = "Orders";
  orders.audience = "https://orders.example.com";
  live.resources.push_back(orders);
  live.resources.push_back(liveResource("Legacy API", "r-Legacy API", "CUSTOM", {},
                                        {scope("legacy:all", "", "s-legacy")}));
  live.applications.push_back(liveApp("Admin Console", "app-console", "PING_ONE_ADMIN_CONSOLE",
                                      {grant("PingOne API", {"p1:read:user"}, "g-console")}));
  auto worker = liveApp("Orders Worker", "app-worker", "WORKER",
                        {grant("Orders API", {"orders:read"}, "g-worker")});
  worker.description = "Pipeline client";
  live.applications.push_back(worker);
  live.applications.push_back(liveApp("Legacy Client", "app-legacy", "WEB_APP",
                                      {grant("Legacy API", {"legacy:all"}, "g-legacy")}));
  return live;
}

inline model::Resource desiredResource(std::string name) {
  model::Resource r;
  r.name = std::move(name);
  r.audience = r.name;
  return r;
}

inline model::Application desiredApp(std::string name, std::string type = "WORKER") {
  model::Application a;
  a.name = std::move(name);
  a.type = std::move(type);
  a.grantTypes = {"CLIENT_CREDENTIALS"};
  return a;
}

/// The manifest that matches baseLive() exactly (it leaves `sub` undeclared).
inline model::DesiredState baseDesired() {
  model::DesiredState d;
  auto orders = desiredResource("Orders API");
  orders.description = "Orders";
  orders.audience = "https://orders.example.com";
  orders.attributes = {attr("tenant", "acme")};
  orders.scopes = {scope("orders:read", "Read orders"), scope("orders:write", "Write orders")};
  d.resources.push_back(orders);
  auto worker = desiredApp("Orders Worker");
  worker.description = "Pipeline client";
  worker.grants = {grant("Orders API", {"orders:read"})};
  d.applications.push_back(worker);
  return d;
}

}  // namespace pingplan::testing
