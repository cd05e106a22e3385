#include "diff/context.h"

#include "diff/compare.h"
#include "model/json.h"
#include "plan/managed.h"

namespace pingplan::diff {

Context::Context(const model::DesiredState& desired_, const model::LiveState& live_)
    : desired(desired_), live(live_), index(desired_, live_, errors) {
  desiredResources_.reserve(desired.resources.size());
  for (const auto& r : desired.resources) desiredResources_.emplace(r.name, &r);
  desiredApplications_.reserve(desired.applications.size());
  for (const auto& a : desired.applications) desiredApplications_.emplace(a.name, &a);
  for (const auto& want : desired.applications) {
    if (want.absent) continue;
    const auto* have = index.managedApplication(want.name);
    if (have && !immutableChanges(withDefaults(*have), want).empty()) replaced.insert(want.name);
  }
}

const model::Resource* Context::desiredResource(const std::string& name) const {
  auto it = desiredResources_.find(name);
  return it == desiredResources_.end() ? nullptr : it->second;
}

const model::Application* Context::desiredApplication(const std::string& name) const {
  auto it = desiredApplications_.find(name);
  return it == desiredApplications_.end() ? nullptr : it->second;
}

bool Context::isManaged(const model::Application& app) const {
  return plan::isManagedApplicationType(app.type) && desiredApplication(app.name) != nullptr &&
         index.managedApplication(app.name) == &app;
}

void Context::add(plan::Change change) { changes.push_back(std::move(change)); }

void Context::deleteGrant(const model::Application& app, const model::Grant& grant,
                          const std::string& reason) {
  const std::string resource = grantResourceName(grant);
  if (!deletedGrants_.insert(app.name + "\n" + resource).second) return;
  add(makeChange(plan::Action::Delete, plan::Kind::Grant, resource, app.name, model::toJson(grant),
                 nullptr, {reason}, grant.id, app.id));
}

void Context::error(std::string message) { errors.push_back({std::move(message)}); }

plan::Change makeChange(plan::Action action, plan::Kind kind, std::string name, std::string parent,
                        model::Json before, model::Json after, std::vector<std::string> reasons,
                        std::string id, std::string parentId) {
  plan::Change c;
  c.action = action;
  c.kind = kind;
  c.name = std::move(name);
  c.parent = std::move(parent);
  c.before = std::move(before);
  c.after = std::move(after);
  c.reasons = std::move(reasons);
  c.id = std::move(id);
  c.parentId = std::move(parentId);
  return c;
}

std::string grantResourceName(const model::Grant& g) {
  return g.resource.empty() ? g.resourceId : g.resource;
}

}  // namespace pingplan::diff
