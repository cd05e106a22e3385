// The differ for grants, keyed by (application, resource): scopes that differ are an update,
// a grant on another resource is a delete and a create.

#include <map>
#include <optional>

#include "diff/compare.h"
#include "diff/context.h"
#include "model/json.h"

namespace pingplan::diff {
namespace {

using plan::Action;
using plan::Kind;

/// True when `list` holds a scope named `name` (a resource has a handful of scopes).
bool hasScope(const std::optional<std::vector<model::Scope>>* list, const std::string& name) {
  if (!list || !*list) return false;
  for (const auto& s : **list) {
    if (s.name == name) return true;
  }
  return false;
}

/// Checks that the grant's resource and scopes will exist when the grant is written: declared
/// in the manifest, or live and not being deleted. Reports each problem; false if any.
bool checkGrant(Context& ctx, const std::string& appName, const model::Grant& g) {
  const std::string prefix = "application \"" + appName + "\" has a grant on ";
  const std::optional<std::vector<model::Scope>>* scopes = nullptr;
  if (const auto* want = ctx.desiredResource(g.resource)) {
    if (want->absent) {
      ctx.error(prefix + "resource \"" + g.resource +
                "\", which the manifest marks ensure: absent");
      return false;
    }
    if (want->scopes) {
      scopes = &want->scopes;  // authoritative
    } else if (const auto* have = ctx.index.managedResource(g.resource)) {
      scopes = &have->scopes;  // unmanaged: the live ones stay
    }
  } else if (const auto* have = ctx.index.anyResource(g.resource)) {
    scopes = &have->scopes;
  } else {
    ctx.error(prefix + "resource \"" + g.resource +
              "\", which does not exist live and is not declared in the manifest");
    return false;
  }
  bool ok = true;
  for (const auto& s : g.scopes) {
    if (!hasScope(scopes, s)) {
      ctx.error(prefix + "scope \"" + s + "\" of resource \"" + g.resource +
                "\", which does not exist live and is not being created");
      ok = false;
    }
  }
  return ok;
}

}  // namespace

void createGrants(Context& ctx, const std::string& appName, const std::vector<model::Grant>& grants,
                  const char* reason) {
  for (const auto& g : grants) {
    if (!checkGrant(ctx, appName, g)) continue;
    ctx.add(makeChange(Action::Create, Kind::Grant, g.resource, appName, nullptr, model::toJson(g),
                       {reason}));
  }
}

void diffGrants(Context& ctx, const model::Application& want, const model::Application& have) {
  std::map<std::string, const model::Grant*> live;
  if (have.grants) {
    for (const auto& g : *have.grants) live.emplace(grantResourceName(g), &g);
  }
  for (const auto& g : *want.grants) {
    // Checked even when unchanged: a scope the plan deletes must not stay granted.
    const bool ok = checkGrant(ctx, want.name, g);
    auto it = live.find(g.resource);
    if (it == live.end()) {
      if (ok) {
        ctx.add(makeChange(Action::Create, Kind::Grant, g.resource, want.name, nullptr,
                           model::toJson(g), {kNotLive}, "", have.id));
      }
      continue;
    }
    auto reasons = compareGrant(*it->second, g);
    if (!reasons.empty() && ok) {
      ctx.add(makeChange(Action::Update, Kind::Grant, g.resource, want.name,
                         model::toJson(*it->second), model::toJson(g), std::move(reasons),
                         it->second->id, have.id));
    }
    live.erase(it);
  }
  for (const auto& [resource, g] : live) ctx.deleteGrant(have, *g, kNotDeclared);
}

}  // namespace pingplan::diff
