// The differ for resources and their attributes and scopes.

#include <map>

#include "diff/compare.h"
#include "diff/context.h"
#include "model/json.h"
#include "plan/managed.h"

namespace pingplan::diff {
namespace {

using plan::Action;
using plan::Kind;

bool holdsScope(const model::Grant& g, const std::string& scope) {
  for (const auto& s : g.scopes) {
    if (s == scope) return true;
  }
  return false;
}

/// `ensure: absent`: the grants managed apps hold on it, its scopes and deletable attributes,
/// then the resource itself. A grant held by an unmanaged app stops the plan.
void deleteResource(Context& ctx, const model::Resource& have) {
  for (const auto& [app, grant] : ctx.index.grantsOn(have)) {
    if (!ctx.isManaged(*app)) {
      ctx.error("resource \"" + have.name + "\" cannot be deleted: application \"" + app->name +
                "\" (id " + app->id +
                "), which the manifest does not manage, holds a grant on it; remove that grant "
                "in PingOne or add the application to the manifest");
    } else if (!ctx.replaced.count(app->name)) {
      ctx.deleteGrant(*app, *grant, kEnsureAbsent);
    }
  }
  if (have.scopes) {
    for (const auto& s : *have.scopes) {
      ctx.add(makeChange(Action::Delete, Kind::Scope, s.name, have.name, model::toJson(s), nullptr,
                         {kEnsureAbsent}, s.id, have.id));
    }
  }
  if (have.attributes) {
    for (const auto& a : *have.attributes) {
      if (plan::isUndeletableAttribute(a)) continue;
      ctx.add(makeChange(Action::Delete, Kind::Attribute, a.name, have.name, model::toJson(a),
                         nullptr, {kEnsureAbsent}, a.id, have.id));
    }
  }
  ctx.add(makeChange(Action::Delete, Kind::Resource, have.name, "", model::toJson(have), nullptr,
                     {kEnsureAbsent}, have.id));
}

/// The CORE `sub` attribute as PingOne creates it on every new custom resource.
model::Attribute defaultSub() {
  model::Attribute a;
  a.name = plan::kSubAttribute;
  a.value = plan::kDefaultSubValue;
  return a;
}

void diffAttributes(Context& ctx, const model::Resource& want, const model::Resource* have) {
  std::map<std::string, const model::Attribute*> live;
  if (have && have->attributes) {
    for (const auto& a : *have->attributes) live.emplace(a.name, &a);
  }
  const std::string parentId = have ? have->id : "";
  for (const auto& a : *want.attributes) {
    auto it = live.find(a.name);
    if (it != live.end()) {
      auto reasons = compareAttribute(*it->second, a);
      if (!reasons.empty()) {
        ctx.add(makeChange(Action::Update, Kind::Attribute, a.name, want.name,
                           model::toJson(*it->second), model::toJson(a), std::move(reasons),
                           it->second->id, parentId));
      }
      live.erase(it);
    } else if (a.name == plan::kSubAttribute) {
      // PingOne creates `sub` with the resource: it is updated, never created (see diff.h).
      auto reasons = compareAttribute(defaultSub(), a);
      if (!reasons.empty()) {
        ctx.add(makeChange(Action::Update, Kind::Attribute, a.name, want.name,
                           model::toJson(defaultSub()), model::toJson(a), std::move(reasons), "",
                           parentId));
      }
    } else {
      ctx.add(makeChange(Action::Create, Kind::Attribute, a.name, want.name, nullptr,
                         model::toJson(a), {kNotLive}, "", parentId));
    }
  }
  for (const auto& [name, a] : live) {
    if (plan::isUndeletableAttribute(*a)) continue;  // an undeclared `sub` is left as it is
    ctx.add(makeChange(Action::Delete, Kind::Attribute, name, want.name, model::toJson(*a), nullptr,
                       {kNotDeclared}, a->id, parentId));
  }
}

/// A scope about to be deleted must not be held by a grant the manifest does not manage.
void checkScopeUnused(Context& ctx, const model::Resource& have, const model::Scope& scope) {
  for (const auto& [app, grant] : ctx.index.grantsOn(have)) {
    const auto* want = ctx.isManaged(*app) ? ctx.desiredApplication(app->name) : nullptr;
    if (want && (want->absent || want->grants)) continue;  // its grants change with the plan
    if (holdsScope(*grant, scope.name)) {
      ctx.error("scope \"" + scope.name + "\" of resource \"" + have.name +
                "\" cannot be deleted: application \"" + app->name + "\" (id " + app->id +
                "), whose grants the manifest does not manage, holds it; remove it from that "
                "grant in PingOne or declare the application's grants in the manifest");
    }
  }
}

void diffScopes(Context& ctx, const model::Resource& want, const model::Resource* have) {
  std::map<std::string, const model::Scope*> live;
  if (have && have->scopes) {
    for (const auto& s : *have->scopes) live.emplace(s.name, &s);
  }
  const std::string parentId = have ? have->id : "";
  for (const auto& s : *want.scopes) {
    auto it = live.find(s.name);
    if (it == live.end()) {
      ctx.add(makeChange(Action::Create, Kind::Scope, s.name, want.name, nullptr, model::toJson(s),
                         {kNotLive}, "", parentId));
      continue;
    }
    auto reasons = compareScope(*it->second, s);
    if (!reasons.empty()) {
      ctx.add(makeChange(Action::Update, Kind::Scope, s.name, want.name, model::toJson(*it->second),
                         model::toJson(s), std::move(reasons), it->second->id, parentId));
    }
    live.erase(it);
  }
  for (const auto& [name, s] : live) {
    checkScopeUnused(ctx, *have, *s);
    ctx.add(makeChange(Action::Delete, Kind::Scope, name, want.name, model::toJson(*s), nullptr,
                       {kNotDeclared}, s->id, parentId));
  }
}

}  // namespace

void diffResource(Context& ctx, const model::Resource& want) {
  const model::Resource* have = ctx.index.managedResource(want.name);
  if (want.absent) {
    if (have) deleteResource(ctx, *have);
    return;
  }
  if (!have) {
    ctx.add(makeChange(Action::Create, Kind::Resource, want.name, "", nullptr, model::toJson(want),
                       {kNotLive}));
  } else {
    const model::Resource live = withDefaults(*have);
    auto reasons = compareResource(live, want);
    if (!reasons.empty()) {
      ctx.add(makeChange(Action::Update, Kind::Resource, want.name, "", model::toJson(live),
                         model::toJson(want), std::move(reasons), have->id));
    }
  }
  if (want.attributes) diffAttributes(ctx, want, have);
  if (want.scopes) diffScopes(ctx, want, have);
}

}  // namespace pingplan::diff
