#include "diff/live_index.h"

#include <algorithm>
#include <unordered_set>

#include "plan/managed.h"

namespace pingplan::diff {
namespace {

template <class T>
std::string duplicateMessage(const char* kind, const std::string& name,
                             const std::vector<const T*>& found) {
  std::string ids;
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (i > 0) ids += i + 1 == found.size() ? " and " : ", ";
    ids += found[i]->id;
  }
  return std::string("two live ") + kind + "s are named \"" + name + "\" (ids " + ids +
         "); pingplan matches by name and will not guess: rename or delete one of them in "
         "PingOne";
}

/// Reports each name the manifest lists (once, in manifest order) that several live objects
/// share.
template <class Desired, class T>
void reportDuplicates(const std::vector<Desired>& desired, const char* kind,
                      const std::unordered_map<std::string, std::vector<const T*>>& live,
                      std::vector<DiffError>& errors) {
  std::unordered_set<std::string> seen;
  for (const auto& want : desired) {
    if (!seen.insert(want.name).second) continue;
    auto it = live.find(want.name);
    if (it != live.end() && it->second.size() > 1) {
      errors.push_back({duplicateMessage(kind, want.name, it->second)});
    }
  }
}

template <class T>
const T* first(const std::unordered_map<std::string, std::vector<const T*>>& map,
               const std::string& name) {
  auto it = map.find(name);
  return it == map.end() ? nullptr : it->second.front();
}

}  // namespace

LiveIndex::LiveIndex(const model::DesiredState& desired, const model::LiveState& live,
                     std::vector<DiffError>& errors) {
  for (const auto& r : live.resources) {
    if (plan::isManagedResourceType(r.type)) {
      resources_[r.name].push_back(&r);
    } else {
      otherResources_.emplace(r.name, &r);
    }
  }
  std::size_t order = 0;
  for (const auto& a : live.applications) {
    if (plan::isManagedApplicationType(a.type)) applications_[a.name].push_back(&a);
    if (!a.grants) continue;
    for (const auto& g : *a.grants) {
      auto& byResource =
          g.resourceId.empty() ? grantsByName_[g.resource] : grantsById_[g.resourceId];
      byResource.push_back({order++, {&a, &g}});
    }
  }
  reportDuplicates(desired.resources, "resource", resources_, errors);
  reportDuplicates(desired.applications, "application", applications_, errors);
}

const model::Resource* LiveIndex::managedResource(const std::string& name) const {
  return first(resources_, name);
}

const model::Application* LiveIndex::managedApplication(const std::string& name) const {
  return first(applications_, name);
}

const model::Resource* LiveIndex::anyResource(const std::string& name) const {
  if (const auto* managed = first(resources_, name)) return managed;
  auto it = otherResources_.find(name);
  return it == otherResources_.end() ? nullptr : it->second;
}

std::vector<LiveIndex::HeldGrant> LiveIndex::grantsOn(const model::Resource& r) const {
  std::vector<Numbered> found;
  if (auto it = grantsById_.find(r.id); it != grantsById_.end()) found = it->second;
  if (auto it = grantsByName_.find(r.name); it != grantsByName_.end()) {
    found.insert(found.end(), it->second.begin(), it->second.end());
    std::sort(found.begin(), found.end(),
              [](const Numbered& x, const Numbered& y) { return x.order < y.order; });
  }
  std::vector<HeldGrant> held;
  held.reserve(found.size());
  for (const auto& n : found) held.push_back(n.held);
  return held;
}

}  // namespace pingplan::diff
