#include "pingone/reader.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "pingone/codec.h"
#include "pingone/parallel.h"

namespace pingplan::pingone {
namespace {

using model::Application;
using model::Grant;
using model::Resource;

/// System apps whose grant list answers 404.
bool hasNoGrants(const Application& app) {
  static const std::set<std::string> kSystem = {"PING_ONE_ADMIN_CONSOLE", "PING_ONE_SELF_SERVICE",
                                                "PING_ONE_PORTAL"};
  return app.protocol != "OPENID_CONNECT" || kSystem.count(app.type) > 0;
}

/// Fills a live grant's resource and scope names from the resources read (found by id);
/// unknown ids stay as they are, in place of the name.
void resolveNames(Grant& grant, const std::unordered_map<std::string, const Resource*>& byId) {
  auto found = byId.find(grant.resourceId);
  const Resource* resource = found != byId.end() ? found->second : nullptr;
  grant.resource = resource ? resource->name : grant.resourceId;
  std::map<std::string, std::string> names;  // scope id -> name
  if (resource && resource->scopes) {
    for (const auto& s : *resource->scopes) names.emplace(s.id, s.name);
  }
  std::vector<std::pair<std::string, std::string>> scopes;  // name, id
  for (const auto& id : grant.scopeIds) {
    auto name = names.find(id);
    scopes.emplace_back(name != names.end() ? name->second : id, id);
  }
  std::sort(scopes.begin(), scopes.end());
  grant.scopes.clear();
  grant.scopeIds.clear();
  for (auto& [name, id] : scopes) {
    grant.scopes.push_back(name);
    grant.scopeIds.push_back(id);
  }
}

}  // namespace

ApiResult<model::LiveState> readLiveState(Api& api, int parallelism) {
  model::LiveState state;
  state.environmentId = api.environmentId();
  std::vector<Json> resources;
  std::vector<Json> applications;
  auto top = runParallel({[&]() -> ApiStatus {
                            auto list = api.list(Collection::Resources, "");
                            if (!list) return fail(list.error());
                            resources = std::move(*list);
                            return Ok{};
                          },
                          [&]() -> ApiStatus {
                            auto list = api.list(Collection::Applications, "");
                            if (!list) return fail(list.error());
                            applications = std::move(*list);
                            return Ok{};
                          }},
                         parallelism);
  if (!top) return fail(top.error());
  for (const auto& j : resources) state.resources.push_back(decodeResource(j));
  for (const auto& j : applications) state.applications.push_back(decodeApplication(j));

  std::vector<std::function<ApiStatus()>> tasks;
  for (auto& r : state.resources) {
    r.attributes.emplace();
    r.scopes.emplace();
    tasks.push_back([&api, &r]() -> ApiStatus {
      auto list = api.list(Collection::Attributes, r.id);
      if (!list) return fail(list.error());
      for (const auto& j : *list) r.attributes->push_back(decodeAttribute(j));
      return Ok{};
    });
    tasks.push_back([&api, &r]() -> ApiStatus {
      auto list = api.list(Collection::Scopes, r.id);
      if (!list) return fail(list.error());
      for (const auto& j : *list) r.scopes->push_back(decodeScope(j));
      return Ok{};
    });
  }
  for (auto& a : state.applications) {
    a.grants.emplace();
    if (hasNoGrants(a)) continue;
    tasks.push_back([&api, &a]() -> ApiStatus {
      auto list = api.list(Collection::Grants, a.id);
      if (!list) return fail(list.error());
      for (const auto& j : *list) a.grants->push_back(decodeGrant(j));
      return Ok{};
    });
  }
  auto children = runParallel(tasks, parallelism);
  if (!children) return fail(children.error());
  std::unordered_map<std::string, const Resource*> byId;
  for (const auto& r : state.resources) byId.emplace(r.id, &r);
  for (auto& a : state.applications) {
    for (auto& g : *a.grants) resolveNames(g, byId);
  }
  return state;
}

}  // namespace pingplan::pingone
