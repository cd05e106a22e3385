#include "apply/registry.h"

namespace pingplan::apply {
namespace {

template <class Map, class Key>
std::optional<std::string> find(const Map& map, const Key& key) {
  auto it = map.find(key);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

}  // namespace

Registry::Registry(const model::LiveState& live) {
  for (const auto& r : live.resources) {
    resources_.emplace(r.name, r.id);
    raw_[r.id] = r.raw;
    for (const auto& a : r.attributes.value_or(std::vector<model::Attribute>{})) raw_[a.id] = a.raw;
    for (const auto& s : r.scopes.value_or(std::vector<model::Scope>{})) {
      scopes_.emplace(std::make_pair(r.name, s.name), s.id);
      raw_[s.id] = s.raw;
    }
  }
  for (const auto& a : live.applications) {
    applications_.emplace(a.name, a.id);
    raw_[a.id] = a.raw;
    for (const auto& g : a.grants.value_or(std::vector<model::Grant>{})) raw_[g.id] = g.raw;
  }
  raw_.erase("");
}

std::optional<std::string> Registry::resource(const std::string& name) const {
  std::lock_guard lock(mutex_);
  return find(resources_, name);
}

std::optional<std::string> Registry::scope(const std::string& resource,
                                           const std::string& name) const {
  std::lock_guard lock(mutex_);
  return find(scopes_, std::make_pair(resource, name));
}

std::optional<std::string> Registry::application(const std::string& name) const {
  std::lock_guard lock(mutex_);
  return find(applications_, name);
}

std::optional<std::string> Registry::applicationName(const std::string& id) const {
  std::lock_guard lock(mutex_);
  for (const auto& [name, appId] : applications_) {
    if (appId == id) return name;
  }
  return std::nullopt;
}

void Registry::createdResource(const std::string& name, const std::string& id) {
  std::lock_guard lock(mutex_);
  resources_[name] = id;
  created_.insert(id);
}

void Registry::createdScope(const std::string& resource, const std::string& name,
                            const std::string& id) {
  std::lock_guard lock(mutex_);
  scopes_[std::make_pair(resource, name)] = id;
  created_.insert(id);
}

void Registry::createdApplication(const std::string& name, const std::string& id) {
  std::lock_guard lock(mutex_);
  applications_[name] = id;
  created_.insert(id);
}

bool Registry::isNew(const std::string& id) const {
  std::lock_guard lock(mutex_);
  return created_.count(id) > 0;
}

bool Registry::wasLive(const std::string& id) const { return raw_.count(id) > 0; }

std::optional<model::Json> Registry::liveRaw(const std::string& id) const {
  auto it = raw_.find(id);
  if (it == raw_.end()) return std::nullopt;
  return it->second;
}

}  // namespace pingplan::apply
