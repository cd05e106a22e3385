// Fingerprints: which live objects a plan depends on, and a stable digest of each.

#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

#include "plan/managed.h"
#include "plan/plan_file.h"

namespace pingplan::plan {
namespace {

/// `raw` without `_links` at any depth, with keys sorted, so the digest does not depend on
/// the order in which the server wrote its keys.
nlohmann::json canonical(const Json& raw) {
  if (raw.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, value] : raw.items()) {
      if (key != "_links") out[key] = canonical(value);
    }
    return out;
  }
  if (raw.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : raw) out.push_back(canonical(v));
    return out;
  }
  return nlohmann::json(raw);
}

/// FNV-1a, 64 bits.
std::uint64_t fnv1a(const std::string& bytes) {
  std::uint64_t h = 14695981039346656037ULL;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

const model::Resource* findResource(const model::LiveState& live, const std::string& name) {
  // A managed (CUSTOM) resource wins over a built-in of the same name.
  const model::Resource* builtin = nullptr;
  for (const auto& r : live.resources) {
    if (r.name != name) continue;
    if (isManagedResourceType(r.type)) return &r;
    if (!builtin) builtin = &r;
  }
  return builtin;
}

const model::Application* findApplication(const model::LiveState& live, const std::string& name) {
  for (const auto& a : live.applications) {
    if (a.name == name && isManagedApplicationType(a.type)) return &a;
  }
  return nullptr;
}

template <class T>
const T* findChild(const std::optional<std::vector<T>>& list, const std::string& name) {
  if (!list) return nullptr;
  for (const auto& x : *list) {
    if (x.name == name) return &x;
  }
  return nullptr;
}

const model::Grant* findGrant(const model::Application* app, const std::string& resource) {
  if (!app || !app->grants) return nullptr;
  for (const auto& g : *app->grants) {
    if (g.resource == resource) return &g;
  }
  return nullptr;
}

void addScopes(std::set<std::string>& names, const Json& grant) {
  if (!grant.is_object() || !grant.contains("scopes") || !grant["scopes"].is_array()) return;
  for (const auto& s : grant["scopes"]) {
    if (s.is_string()) names.insert(s.get<std::string>());
  }
}

Fingerprint fingerprintOf(const std::string& key, const Json* raw, const std::string& id) {
  if (!raw) return {key, "", ""};
  return {key, id, digest(*raw)};
}

}  // namespace

std::string digest(const Json& raw) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(fnv1a(canonical(raw).dump())));
  return buf;
}

std::vector<Fingerprint> fingerprintsFor(const Plan& plan, const model::LiveState& live) {
  // Keys hold the parent and the name apart, so look-ups never split on '/'.
  struct Ref {
    Kind kind;
    std::string parent, name;
  };
  std::map<std::string, Ref> refs;
  auto add = [&refs](Kind kind, const std::string& parent, const std::string& name) {
    std::string key =
        std::string(toString(kind)) + ":" + (parent.empty() ? "" : parent + "/") + name;
    refs.emplace(key, Ref{kind, parent, name});
  };
  for (const auto& c : plan.changes) {
    switch (c.kind) {
      case Kind::Resource:
      case Kind::Application:
        add(c.kind, "", c.name);
        break;
      case Kind::Attribute:
      case Kind::Scope:
        add(c.kind, c.parent, c.name);
        add(Kind::Resource, "", c.parent);
        break;
      case Kind::Grant: {
        add(Kind::Grant, c.parent, c.name);
        add(Kind::Application, "", c.parent);
        add(Kind::Resource, "", c.name);
        std::set<std::string> scopes;
        addScopes(scopes, c.before);
        addScopes(scopes, c.after);
        for (const auto& s : scopes) add(Kind::Scope, c.name, s);
        break;
      }
    }
  }
  std::vector<Fingerprint> out;
  out.reserve(refs.size());
  for (const auto& [key, ref] : refs) {
    switch (ref.kind) {
      case Kind::Resource: {
        const auto* r = findResource(live, ref.name);
        out.push_back(fingerprintOf(key, r ? &r->raw : nullptr, r ? r->id : ""));
        break;
      }
      case Kind::Application: {
        const auto* a = findApplication(live, ref.name);
        out.push_back(fingerprintOf(key, a ? &a->raw : nullptr, a ? a->id : ""));
        break;
      }
      case Kind::Attribute: {
        const auto* r = findResource(live, ref.parent);
        const auto* a = r ? findChild(r->attributes, ref.name) : nullptr;
        out.push_back(fingerprintOf(key, a ? &a->raw : nullptr, a ? a->id : ""));
        break;
      }
      case Kind::Scope: {
        const auto* r = findResource(live, ref.parent);
        const auto* s = r ? findChild(r->scopes, ref.name) : nullptr;
        out.push_back(fingerprintOf(key, s ? &s->raw : nullptr, s ? s->id : ""));
        break;
      }
      case Kind::Grant: {
        const auto* g = findGrant(findApplication(live, ref.parent), ref.name);
        out.push_back(fingerprintOf(key, g ? &g->raw : nullptr, g ? g->id : ""));
        break;
      }
    }
  }
  return out;  // std::map iteration: sorted by key
}

}  // namespace pingplan::plan
