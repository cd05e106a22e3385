#include "cli/exportable.h"

#include <algorithm>
#include <set>

namespace pingplan::cli {
namespace {

bool manageableApp(const model::Application& app, const std::string& selfClientId) {
  static const std::set<std::string> types = {"WORKER", "WEB_APP", "SERVICE", "SINGLE_PAGE_APP",
                                              "NATIVE_APP"};
  return app.protocol == "OPENID_CONNECT" && types.count(app.type) > 0 &&
         (selfClientId.empty() || app.id != selfClientId);
}

model::Resource exportResource(const model::Resource& live) {
  model::Resource r;
  r.name = live.name;
  r.type = live.type;
  r.description = live.description;
  r.audience = live.audience;
  r.accessTokenValiditySeconds = live.accessTokenValiditySeconds;
  r.attributes.emplace();
  for (const auto& a : live.attributes.value_or(std::vector<model::Attribute>{})) {
    if (a.name == "sub" && a.value == "${user.id}") continue;
    r.attributes->push_back({"", a.name, a.value, "", nullptr});
  }
  r.scopes.emplace();
  for (const auto& s : live.scopes.value_or(std::vector<model::Scope>{})) {
    r.scopes->push_back({"", s.name, s.description, nullptr});
  }
  return r;
}

model::Application exportApplication(const model::Application& live) {
  model::Application a = live;
  a.id.clear();
  a.raw = nullptr;
  a.origin.clear();
  a.grants.emplace();
  for (const auto& g : live.grants.value_or(std::vector<model::Grant>{})) {
    model::Grant grant;
    grant.resource = g.resource;
    grant.scopes = g.scopes;
    std::sort(grant.scopes.begin(), grant.scopes.end());
    a.grants->push_back(std::move(grant));
  }
  return a;
}

}  // namespace

model::DesiredState exportable(const model::LiveState& live, const std::string& selfClientId) {
  model::DesiredState state;
  for (const auto& r : live.resources) {
    if (r.type == "CUSTOM") state.resources.push_back(exportResource(r));
  }
  for (const auto& a : live.applications) {
    if (manageableApp(a, selfClientId)) state.applications.push_back(exportApplication(a));
  }
  return state;
}

}  // namespace pingplan::cli
