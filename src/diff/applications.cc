// The differ for applications: create, update, replace (type or protocol), delete.

#include "diff/compare.h"
#include "diff/context.h"
#include "model/json.h"

namespace pingplan::diff {
namespace {

using plan::Action;
using plan::Kind;

/// `ensure: absent`: every grant of the app, then the app.
void deleteApplication(Context& ctx, const model::Application& have) {
  if (have.grants) {
    for (const auto& g : *have.grants) ctx.deleteGrant(have, g, kEnsureAbsent);
  }
  ctx.add(makeChange(Action::Delete, Kind::Application, have.name, "",
                     model::toJson(withDefaults(have)), nullptr, {kEnsureAbsent}, have.id));
}

/// The grants a replaced app must get back: the manifest's list when it manages them, else
/// the old app's grants (minus those on resources the plan deletes), so nothing is lost.
std::vector<model::Grant> grantsAfterReplace(const Context& ctx, const model::Application& want,
                                             const model::Application& have) {
  if (want.grants) return *want.grants;
  std::vector<model::Grant> out;
  if (!have.grants) return out;
  for (const auto& g : *have.grants) {
    const auto* r = ctx.desiredResource(grantResourceName(g));
    if (r && r->absent) continue;
    model::Grant copy;
    copy.resource = grantResourceName(g);
    copy.scopes = g.scopes;
    out.push_back(std::move(copy));
  }
  return out;
}

}  // namespace

void diffApplication(Context& ctx, const model::Application& want) {
  const model::Application* have = ctx.index.managedApplication(want.name);
  if (want.absent) {
    if (have) deleteApplication(ctx, *have);
    return;
  }
  if (!have) {
    ctx.add(makeChange(Action::Create, Kind::Application, want.name, "", nullptr,
                       model::toJson(want), {kNotLive}));
    if (want.grants) createGrants(ctx, want.name, *want.grants, kNotLive);
    return;
  }
  const model::Application live = withDefaults(*have);
  auto reasons = immutableChanges(live, want);
  if (!reasons.empty()) {
    for (auto& r : compareApplication(live, want)) reasons.push_back(std::move(r));
    ctx.add(makeChange(Action::Replace, Kind::Application, want.name, "", model::toJson(live),
                       model::toJson(want), std::move(reasons), have->id));
    // The new app starts without grants; the old one's go with it.
    createGrants(ctx, want.name, grantsAfterReplace(ctx, want, *have), kAppReplaced);
    return;
  }
  reasons = compareApplication(live, want);
  if (!reasons.empty()) {
    ctx.add(makeChange(Action::Update, Kind::Application, want.name, "", model::toJson(live),
                       model::toJson(want), std::move(reasons), have->id));
  }
  if (want.grants) diffGrants(ctx, want, *have);
}

}  // namespace pingplan::diff
