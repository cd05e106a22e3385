#pragma once
// Helpers for executor tests: changes written the way the differ writes them, and the live
// state of a FakeApi as the reader would return it.

#include <string>
#include <vector>

#include "fake_api.h"
#include "model/json.h"
#include "plan/plan.h"

namespace pingplan::testing {

inline plan::Change change(plan::Action action, plan::Kind kind, std::string name,
                           std::string parent = "", model::Json before = nullptr,
                           model::Json after = nullptr, std::string id = "",
                           std::string parentId = "") {
  plan::Change c;
  c.action = action;
  c.kind = kind;
  c.name = std::move(name);
  c.parent = std::move(parent);
  c.before = std::move(before);
  c.after = std::move(after);
  c.id = std::move(id);
  c.parentId = std::move(parentId);
  c.reasons = {"test"};
  return c;
}

inline model::Resource resource(const std::string& name) {
  model::Resource r;
  r.name = name;
  r.audience = name;
  return r;
}

inline model::Scope scope(const std::string& name, const std::string& description = "") {
  model::Scope s;
  s.name = name;
  s.description = description;
  return s;
}

inline model::Attribute attribute(const std::string& name, const std::string& value) {
  model::Attribute a;
  a.name = name;
  a.value = value;
  return a;
}

inline model::Application worker(const std::string& name) {
  model::Application a;
  a.name = name;
  a.type = "WORKER";
  a.grantTypes = {"CLIENT_CREDENTIALS"};
  return a;
}

inline model::Grant grant(const std::string& resourceName, std::vector<std::string> scopes) {
  model::Grant g;
  g.resource = resourceName;
  g.scopes = std::move(scopes);
  return g;
}

inline plan::Plan planOf(std::vector<plan::Change> changes) {
  plan::Plan p;
  p.environmentId = "env-1";
  p.changes = std::move(changes);
  return p;
}

/// The fake's contents as model objects, with raw JSON and grant names resolved.
inline model::LiveState liveFrom(const FakeApi& api) {
  model::LiveState live;
  live.environmentId = api.environmentId();
  auto str = [](const Json& j, const char* key) { return j.value(key, std::string()); };
  for (const auto& r : api.objects(Collection::Resources)) {
    model::Resource m;
    m.id = str(r, "id");
    m.name = str(r, "name");
    m.type = r.value("type", std::string("CUSTOM"));
    m.raw = r;
    m.attributes.emplace();
    m.scopes.emplace();
    for (const auto& a : api.objects(Collection::Attributes, m.id)) {
      m.attributes->push_back({str(a, "id"), str(a, "name"), str(a, "value"), str(a, "type"), a});
    }
    for (const auto& s : api.objects(Collection::Scopes, m.id)) {
      m.scopes->push_back({str(s, "id"), str(s, "name"), str(s, "description"), s});
    }
    live.resources.push_back(m);
  }
  for (const auto& a : api.objects(Collection::Applications)) {
    model::Application m;
    m.id = str(a, "id");
    m.name = str(a, "name");
    m.type = str(a, "type");
    m.raw = a;
    m.grants.emplace();
    for (const auto& g : api.objects(Collection::Grants, m.id)) {
      model::Grant mg;
      mg.id = str(g, "id");
      mg.resourceId = g["resource"].value("id", std::string());
      mg.raw = g;
      for (const auto& r : live.resources) {
        if (r.id != mg.resourceId) continue;
        mg.resource = r.name;
        for (const auto& sref : g["scopes"]) {
          for (const auto& s : *r.scopes) {
            if (s.id == sref.value("id", std::string())) {
              mg.scopes.push_back(s.name);
              mg.scopeIds.push_back(s.id);
            }
          }
        }
      }
      m.grants->push_back(mg);
    }
    live.applications.push_back(m);
  }
  return live;
}

}  // namespace pingplan::testing
