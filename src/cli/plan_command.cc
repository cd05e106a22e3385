// pingplan plan [MANIFEST] [--out PLANFILE] [--format text|markdown|json] [--detailed-exitcode]
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/output.h"
#include "cli/session.h"
#include "cli/terminal.h"
#include "plan/plan_file.h"

namespace pingplan::cli {
namespace {

struct PlanArgs {
  std::string manifest = "pingplan.yaml";
  std::string out;
  std::string format = "text";
  bool detailedExitcode = false;
};

int runPlan(const PlanArgs& args, const GlobalOptions& global) {
  auto desired = loadDesired(args.manifest);
  if (!desired) return kError;
  auto api = openApi(desired->environmentId, global, "plan");
  if (!api) return kError;
  auto live = readLive(*api, global, "plan");
  if (!live) return kError;
  auto plan = makePlan(*desired, *live, "plan");
  if (!plan) return kError;

  std::cout << renderPlan(*plan, args.format, useColor(global)) << std::flush;
  if (!args.out.empty()) {
    auto written = plan::writePlanFile(args.out, *plan);
    if (!written.ok()) {
      printError("plan", written.error());
      return kError;
    }
    // Keeps stdout a single document for --format json.
    (args.format == "text" ? std::cout : std::cerr)
        << "\nSaved the plan to " << args.out << ". Apply exactly this plan with:\n"
        << "  pingplan apply " << args.out << "\n";
  }
  return args.detailedExitcode && !plan->summary().empty() ? kChangesPending : kOk;
}

}  // namespace

Run setupPlan(CLI::App& sub, const GlobalOptions& global) {
  auto args = std::make_shared<PlanArgs>();
  sub.add_option("manifest", args->manifest, "Manifest to plan (default: pingplan.yaml)");
  sub.add_option("--out", args->out, "Also save the plan to this file, for `pingplan apply`");
  addFormatOption(sub, args->format);
  sub.add_flag("--detailed-exitcode", args->detailedExitcode,
               "Exit 2 when changes are pending, 0 when there are none");
  return [args, &global]() { return runPlan(*args, global); };
}

}  // namespace pingplan::cli
