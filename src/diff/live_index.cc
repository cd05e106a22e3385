#include "diff/live_index.h"

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

}  // namespace

LiveIndex::LiveIndex(const model::DesiredState& desired, const model::LiveState& live,
                     std::vector<DiffError>& errors)
    : live_(live) {
  for (const auto& want : desired.resources) {
    if (resources_.count(want.name)) continue;
    std::vector<const model::Resource*> found;
    for (const auto& r : live.resources) {
      if (r.name == want.name && plan::isManagedResourceType(r.type)) found.push_back(&r);
    }
    if (found.size() > 1) errors.push_back({duplicateMessage("resource", want.name, found)});
    resources_[want.name] = found.empty() ? nullptr : found.front();
  }
  for (const auto& want : desired.applications) {
    if (applications_.count(want.name)) continue;
    std::vector<const model::Application*> found;
    for (const auto& a : live.applications) {
      if (a.name == want.name && plan::isManagedApplicationType(a.type)) found.push_back(&a);
    }
    if (found.size() > 1) errors.push_back({duplicateMessage("application", want.name, found)});
    applications_[want.name] = found.empty() ? nullptr : found.front();
  }
}

const model::Resource* LiveIndex::managedResource(const std::string& name) const {
  auto it = resources_.find(name);
  return it == resources_.end() ? nullptr : it->second;
}

const model::Application* LiveIndex::managedApplication(const std::string& name) const {
  auto it = applications_.find(name);
  return it == applications_.end() ? nullptr : it->second;
}

const model::Resource* LiveIndex::anyResource(const std::string& name) const {
  const model::Resource* other = nullptr;
  for (const auto& r : live_.resources) {
    if (r.name != name) continue;
    if (plan::isManagedResourceType(r.type)) return &r;
    if (!other) other = &r;
  }
  return other;
}

}  // namespace pingplan::diff
