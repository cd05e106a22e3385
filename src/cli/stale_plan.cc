#include "cli/stale_plan.h"

#include <map>

#include "plan/plan_file.h"

namespace pingplan::cli {
namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string words(plan::Kind kind, const std::string& parent, const std::string& name) {
  switch (kind) {
    case plan::Kind::Resource:
      return "resource " + quoted(name);
    case plan::Kind::Application:
      return "application " + quoted(name);
    case plan::Kind::Attribute:
      return "attribute " + quoted(name) + " of resource " + quoted(parent);
    case plan::Kind::Scope:
      return "scope " + quoted(name) + " of resource " + quoted(parent);
    case plan::Kind::Grant:
      return "the grant of resource " + quoted(name) + " to application " + quoted(parent);
  }
  return quoted(name);
}

std::string keyOf(plan::Kind kind, const std::string& parent, const std::string& name) {
  return std::string(plan::toString(kind)) + ":" + (parent.empty() ? "" : parent + "/") + name;
}

/// Every key the plan can hold, with its words: keys hold parent and name apart with '/',
/// which names may contain, so they are matched whole rather than split.
std::map<std::string, std::string> knownKeys(const plan::Plan& plan) {
  std::map<std::string, std::string> known;
  auto add = [&known](plan::Kind kind, const std::string& parent, const std::string& name) {
    known.emplace(keyOf(kind, parent, name), words(kind, parent, name));
  };
  for (const auto& c : plan.changes) {
    add(c.kind, c.parent, c.name);
    if (c.kind == plan::Kind::Attribute || c.kind == plan::Kind::Scope) {
      add(plan::Kind::Resource, "", c.parent);
    }
    if (c.kind == plan::Kind::Grant) {
      add(plan::Kind::Application, "", c.parent);
      add(plan::Kind::Resource, "", c.name);
    }
  }
  for (const auto& r : plan.desired.resources) {
    add(plan::Kind::Resource, "", r.name);
    for (const auto& a : r.attributes.value_or(std::vector<model::Attribute>{})) {
      add(plan::Kind::Attribute, r.name, a.name);
    }
    for (const auto& s : r.scopes.value_or(std::vector<model::Scope>{})) {
      add(plan::Kind::Scope, r.name, s.name);
    }
  }
  for (const auto& a : plan.desired.applications) {
    add(plan::Kind::Application, "", a.name);
    for (const auto& g : a.grants.value_or(std::vector<model::Grant>{})) {
      add(plan::Kind::Grant, a.name, g.resource);
      add(plan::Kind::Resource, "", g.resource);
    }
  }
  return known;
}

}  // namespace

std::string describeKey(const std::string& key, const plan::Plan& plan) {
  auto known = knownKeys(plan);
  if (auto it = known.find(key); it != known.end()) return it->second;
  // Not from this plan: split at the first ':' and '/'.
  auto colon = key.find(':');
  if (colon == std::string::npos) return quoted(key);
  std::string kind = key.substr(0, colon), rest = key.substr(colon + 1);
  for (auto k : {plan::Kind::Resource, plan::Kind::Attribute, plan::Kind::Scope,
                 plan::Kind::Application, plan::Kind::Grant}) {
    if (kind != plan::toString(k)) continue;
    if (k == plan::Kind::Resource || k == plan::Kind::Application) return words(k, "", rest);
    auto slash = rest.find('/');
    if (slash == std::string::npos) return words(k, "", rest);
    return words(k, rest.substr(0, slash), rest.substr(slash + 1));
  }
  return quoted(key);
}

std::optional<std::string> staleObject(const plan::Plan& saved, const model::LiveState& live) {
  std::map<std::string, plan::Fingerprint> now;
  for (auto& f : plan::fingerprintsFor(saved, live)) now[f.key] = f;
  for (const auto& f : saved.fingerprints) {
    std::string what = describeKey(f.key, saved);
    auto it = now.find(f.key);
    if (it == now.end()) return what + " is no longer read by the plan";
    const auto& n = it->second;
    if (f.id.empty() && !n.id.empty()) return what + " was created (id " + n.id + ")";
    if (!f.id.empty() && n.id.empty()) return what + " was deleted";
    if (f.id != n.id || f.digest != n.digest) return what + " was modified (id " + n.id + ")";
    now.erase(it);
  }
  if (!now.empty()) return describeKey(now.begin()->first, saved) + " is newly read by the plan";
  return std::nullopt;
}

}  // namespace pingplan::cli
