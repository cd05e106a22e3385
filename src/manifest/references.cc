#include "manifest/references.h"

#include <algorithm>
#include <map>

#include "manifest/vocabulary.h"
#include "util/suggest.h"

namespace pingplan::manifest {

namespace {

/// Reports the second and later uses of each name; `what` is "resource name" etc.
template <class T>
void reportDuplicates(const std::vector<T>& items, const std::vector<Position>& at,
                      const std::string& what, const std::string& scope, Diagnostics& diagnostics) {
  std::map<std::string, Position> first;
  for (std::size_t i = 0; i < items.size() && i < at.size(); ++i) {
    const std::string& name = items[i].name;
    if (name.empty()) continue;
    auto [it, inserted] = first.emplace(name, at[i]);
    if (!inserted) {
      diagnostics.add(at[i], "duplicate " + what + " \"" + name + "\" (first at line " +
                                 std::to_string(it->second.line) + "); " + scope);
    }
  }
}

/// Why `scope` is not grantable on `resourceName`, or nullopt when it is (or when the
/// resource does not declare its scopes, so only the plan can tell).
std::optional<std::string> scopeProblem(const std::string& resourceName,
                                        const model::Resource* resource, const std::string& scope) {
  std::vector<std::string> known;
  if (resourceName == vocabulary::kOpenId) {
    known = vocabulary::kOpenIdScopes;
  } else if (resourceName == vocabulary::kPingOneApi) {
    if (vocabulary::isPingOneApiScope(scope)) return std::nullopt;
    known = {"p1:read:user", "p1:update:user"};
  } else if (resource && resource->scopes) {
    for (const auto& s : *resource->scopes) known.push_back(s.name);
  } else {
    return std::nullopt;  // the resource does not declare its scopes: checked at plan time
  }
  if (std::find(known.begin(), known.end(), scope) != known.end()) return std::nullopt;
  std::string message = "resource \"" + resourceName + "\" has no scope \"" + scope + "\"; ";
  if (auto guess = closestMatch(scope, known)) return message + "did you mean \"" + *guess + "\"?";
  if (known.empty()) return message + "it declares no scopes";
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  return message + "its scopes are " + list;
}

/// Resources of the manifest by name (the last of duplicate names, already reported).
using ResourceIndex = std::map<std::string, const model::Resource*>;

std::vector<std::string> grantableNames(const model::DesiredState& state) {
  std::vector<std::string> names = {vocabulary::kOpenId, vocabulary::kPingOneApi};
  for (const auto& r : state.resources) {
    if (!r.absent && !r.name.empty()) names.push_back(r.name);
  }
  return names;
}

void checkApplicationGrants(const model::DesiredState& state, const ResourceIndex& index,
                            const model::Application& app, const ApplicationSite& site,
                            Diagnostics& diagnostics) {
  std::map<std::string, Position> resourcesGranted;
  std::map<std::string, std::pair<std::string, Position>> scopesGranted;  // name -> resource
  const bool clientCredentialsOnly =
      app.grantTypes.size() == 1 && app.grantTypes[0] == "CLIENT_CREDENTIALS";
  for (std::size_t g = 0; g < app.grants->size() && g < site.grants.size(); ++g) {
    const model::Grant& grant = (*app.grants)[g];
    const GrantSite& at = site.grants[g];
    if (grant.resource.empty()) continue;
    const bool builtIn =
        grant.resource == vocabulary::kOpenId || grant.resource == vocabulary::kPingOneApi;
    auto found = index.find(grant.resource);
    const model::Resource* resource = found == index.end() ? nullptr : found->second;
    if (!builtIn && !resource) {
      std::string message = "grant names unknown resource \"" + grant.resource + "\"; ";
      if (auto guess = closestMatch(grant.resource, grantableNames(state))) {
        message += "did you mean \"" + *guess + "\"?";
      } else {
        message += "name a resource of this manifest, openid or PingOne API";
      }
      diagnostics.add(at.resource, message);
      continue;
    }
    if (resource && resource->absent) {
      diagnostics.add(at.resource, "grant names resource \"" + grant.resource +
                                       "\", which this manifest deletes (ensure: absent)");
      continue;
    }
    auto [first, inserted] = resourcesGranted.emplace(grant.resource, at.resource);
    if (!inserted) {
      diagnostics.add(at.resource, "second grant on resource \"" + grant.resource +
                                       "\" (first at line " + std::to_string(first->second.line) +
                                       "); PingOne allows one grant per resource, merge their "
                                       "scopes");
      continue;
    }
    if (clientCredentialsOnly && grant.resource == vocabulary::kOpenId) {
      diagnostics.add(at.resource, "application \"" + app.name +
                                       "\" only has grant type CLIENT_CREDENTIALS and cannot "
                                       "hold openid scopes; remove this grant");
      continue;
    }
    for (std::size_t s = 0; s < grant.scopes.size() && s < at.scopes.size(); ++s) {
      const std::string& scope = grant.scopes[s];
      if (auto problem = scopeProblem(grant.resource, resource, scope)) {
        diagnostics.add(at.scopes[s], *problem);
        continue;
      }
      auto [other, fresh] =
          scopesGranted.emplace(scope, std::make_pair(grant.resource, at.scopes[s]));
      if (!fresh) {
        diagnostics.add(at.scopes[s], "scope \"" + scope + "\" is also granted from resource \"" +
                                          other->second.first + "\" (line " +
                                          std::to_string(other->second.second.line) +
                                          "); PingOne refuses two scopes of the same name in "
                                          "one application's grants");
      }
    }
  }
}

}  // namespace

void checkUniqueNames(const model::DesiredState& state, const std::vector<ResourceSite>& resources,
                      const std::vector<ApplicationSite>& applications, Diagnostics& diagnostics) {
  std::vector<Position> names;
  for (const auto& site : resources) names.push_back(site.name);
  reportDuplicates(state.resources, names, "resource name",
                   "resource names are unique in an environment", diagnostics);
  for (std::size_t i = 0; i < state.resources.size(); ++i) {
    const model::Resource& r = state.resources[i];
    if (r.name == vocabulary::kOpenId || r.name == vocabulary::kPingOneApi) {
      diagnostics.add(resources[i].name, "resource name \"" + r.name +
                                             "\" is a PingOne built-in, which pingplan never "
                                             "changes; choose another name");
    }
    if (r.attributes) {
      reportDuplicates(*r.attributes, resources[i].attributeNames, "attribute name",
                       "attribute names are unique in a resource", diagnostics);
    }
    if (r.scopes) {
      reportDuplicates(*r.scopes, resources[i].scopeNames, "scope name",
                       "scope names are unique in a resource", diagnostics);
    }
  }
  names.clear();
  for (const auto& site : applications) names.push_back(site.name);
  reportDuplicates(state.applications, names, "application name",
                   "managed applications need unique names", diagnostics);
}

void checkGrants(const model::DesiredState& state, const std::vector<ApplicationSite>& applications,
                 Diagnostics& diagnostics) {
  ResourceIndex index;
  for (const auto& r : state.resources) index[r.name] = &r;
  for (std::size_t i = 0; i < state.applications.size() && i < applications.size(); ++i) {
    const model::Application& app = state.applications[i];
    if (app.absent || !app.grants) continue;
    checkApplicationGrants(state, index, app, applications[i], diagnostics);
  }
}

}  // namespace pingplan::manifest
