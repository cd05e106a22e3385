#include "diff/diff.h"

#include "diff/context.h"
#include "plan/plan_file.h"

namespace pingplan::diff {

Result<plan::Plan, std::vector<DiffError>> makePlan(const model::DesiredState& desired,
                                                    const model::LiveState& live) {
  Context ctx(desired, live);
  if (!ctx.errors.empty()) return fail(std::move(ctx.errors));  // duplicate live names
  for (const auto& r : desired.resources) diffResource(ctx, r);
  for (const auto& a : desired.applications) diffApplication(ctx, a);
  if (!ctx.errors.empty()) return fail(std::move(ctx.errors));

  plan::Plan plan;
  plan.environmentId = live.environmentId.empty() ? desired.environmentId : live.environmentId;
  plan.changes = std::move(ctx.changes);
  sortChanges(plan.changes);
  plan.fingerprints = plan::fingerprintsFor(plan, live);
  plan.desired = desired;
  return plan;
}

}  // namespace pingplan::diff
