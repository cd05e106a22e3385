// pingplan apply [MANIFEST|PLANFILE] [--auto-approve] [--credentials-out FILE]
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "apply/credentials_file.h"
#include "apply/executor.h"
#include "cli/command.h"
#include "cli/input_kind.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "cli/session.h"
#include "cli/stale_plan.h"
#include "cli/terminal.h"
#include "plan/plan_file.h"

namespace pingplan::cli {
namespace {

struct ApplyArgs {
  std::string input = "pingplan.yaml";
  bool autoApprove = false;
  std::string credentialsOut;
};

/// What apply runs: the plan, what it was made from, and the client that reads and writes.
struct Prepared {
  plan::Plan plan;
  model::DesiredState desired;
  model::LiveState live;
  std::unique_ptr<pingone::Api> api;
};

std::optional<std::string> readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    printError("apply", "cannot read " + path + ": " + std::strerror(errno));
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<Prepared> fromManifest(const ApplyArgs& args, const GlobalOptions& global) {
  auto desired = loadDesired(args.input);
  if (!desired) return std::nullopt;
  Prepared p;
  p.desired = std::move(*desired);
  p.api = openApi(p.desired.environmentId, global, "apply");
  if (!p.api) return std::nullopt;
  auto live = readLive(*p.api, global, "apply");
  if (!live) return std::nullopt;
  p.live = std::move(*live);
  auto made = makePlan(p.desired, p.live, "apply");
  if (!made) return std::nullopt;
  p.plan = std::move(*made);
  return p;
}

std::optional<Prepared> fromSavedPlan(const ApplyArgs& args, const GlobalOptions& global) {
  auto saved = plan::readPlanFile(args.input);
  if (!saved.ok()) {
    printError("apply", saved.error());
    return std::nullopt;
  }
  Prepared p;
  p.plan = std::move(*saved);
  p.desired = p.plan.desired;
  p.api = openApi(p.plan.environmentId, global, "apply");
  if (!p.api) return std::nullopt;
  auto live = readLive(*p.api, global, "apply");
  if (!live) return std::nullopt;
  p.live = std::move(*live);
  if (auto stale = staleObject(p.plan, p.live)) {
    printError("apply", "the saved plan " + args.input +
                            " is out of date: since the plan was made, " + *stale +
                            ". Nothing was changed; make a new plan from your manifest: "
                            "pingplan plan MANIFEST --out " +
                            args.input);
    return std::nullopt;
  }
  return p;
}

/// Asks on a terminal; refuses without one. True when the user approved.
bool approved(const ApplyArgs& args) {
  if (args.autoApprove) return true;
  if (!stdinIsTerminal()) {
    printError("apply",
               "no terminal to ask for approval; pass --auto-approve to apply without asking. "
               "Nothing was changed.");
    return false;
  }
  auto answer = ask("\nDo you want to apply these changes? Only 'yes' will be accepted: ");
  if (answer && *answer == "yes") return true;
  std::cout << "Apply cancelled. Nothing was changed.\n";
  return false;
}

std::string counts(const plan::Plan& plan, const apply::ApplyResult& result) {
  int n[4] = {0, 0, 0, 0};
  for (std::size_t i = 0; i < plan.changes.size(); ++i) {
    if (result.changes[i].outcome == apply::Outcome::Applied) {
      ++n[static_cast<int>(plan.changes[i].action)];
    }
  }
  return std::to_string(n[0]) + " added, " + std::to_string(n[1]) + " changed, " +
         std::to_string(n[2]) + " replaced, " + std::to_string(n[3]) + " deleted";
}

/// How to finish the job once the cause of a failure is fixed. A saved plan is stale after
/// any write, so it is never the thing to apply again.
std::string finishAdvice(const ApplyArgs& args, bool savedPlan) {
  if (savedPlan) {
    return "The saved plan " + args.input +
           " is now out of date: once the cause is fixed, plan again and apply the manifest "
           "(or save a new plan): pingplan apply MANIFEST";
  }
  return "Running `pingplan apply " + args.input +
         "` again finishes the job once the cause is "
         "fixed.";
}

int reportFailure(const ApplyArgs& args, bool savedPlan, const plan::Plan& plan,
                  const apply::ApplyResult& result) {
  bool changed = result.mayHaveChanged();
  if (changed) {
    std::cout << "\nApply failed partway: " << counts(plan, result) << ".\n";
  } else {
    std::cout << "\nApply failed. Nothing was changed.\n";
  }
  std::string applied, missing;
  for (std::size_t i = 0; i < plan.changes.size(); ++i) {
    std::string line = "  " + outcomeLine(plan.changes[i], result.changes[i]) + "\n";
    (result.changes[i].outcome == apply::Outcome::Applied ? applied : missing) += line;
  }
  if (!applied.empty()) std::cout << "Applied:\n" << applied;
  std::cout << "Not applied:\n" << missing << std::flush;
  int failed = result.count(apply::Outcome::Failed);
  std::string what = std::to_string(failed) + " change" + (failed == 1 ? "" : "s") + " failed";
  if (!changed) {
    printError("apply", what +
                            "; PingOne refused every write, so nothing was changed. Someone may "
                            "have changed the environment meanwhile: run `pingplan plan " +
                            (savedPlan ? std::string("MANIFEST") : args.input) +
                            "` again to see it as it is now.");
    return kError;
  }
  printError("apply",
             what + "; the environment was changed partway. " + finishAdvice(args, savedPlan));
  return kPartialApply;
}

/// After success: a fresh plan must be empty. `credentialsLost`: the changes were made but
/// the new secrets could not be saved, so this is not a complete success.
int confirm(const ApplyArgs& args, bool savedPlan, Prepared& p, const apply::ApplyResult& result,
            const GlobalOptions& global, bool credentialsLost) {
  auto live = readLive(*p.api, global, "apply");
  std::string done = (credentialsLost ? "Every change was applied: " : "Apply complete! ") +
                     counts(p.plan, result) + ".";
  if (!live) {
    printError("apply",
               "every change was applied, but the live state could not be read again "
               "to confirm it.");
    return credentialsLost ? kPartialApply : kError;
  }
  auto fresh = makePlan(p.desired, *live, "apply");
  if (!fresh) return credentialsLost ? kPartialApply : kError;
  if (fresh->summary().empty()) {
    std::cout << "\n" << done << " A fresh plan shows no changes.\n";
    return credentialsLost ? kPartialApply : kOk;
  }
  std::cout << "\n"
            << done << " But a fresh plan still shows changes:\n\n"
            << renderPlan(*fresh, "text", useColor(global));
  printError("apply", "the environment did not converge. " + finishAdvice(args, savedPlan));
  return kPartialApply;
}

int runApply(const ApplyArgs& args, const GlobalOptions& global) {
  auto text = readText(args.input);
  if (!text) return kError;
  InputKind kind = inputKind(*text);
  if (kind == InputKind::RenderedPlan) {
    printError("apply", renderedPlanMessage(args.input));
    return kError;
  }
  bool savedPlan = kind == InputKind::SavedPlan;
  auto prepared = savedPlan ? fromSavedPlan(args, global) : fromManifest(args, global);
  if (!prepared) return kError;
  Prepared& p = *prepared;
  bool color = useColor(global);

  if (!savedPlan) std::cout << renderPlan(p.plan, "text", color) << std::flush;
  if (p.plan.summary().empty()) {
    if (savedPlan) std::cout << "No changes. The saved plan has nothing to apply.\n";
    return kOk;
  }
  if (!args.credentialsOut.empty()) {
    auto writable = apply::checkCredentialsPath(args.credentialsOut);
    if (!writable.ok()) {
      printError("apply", writable.error() +
                              " (--credentials-out). Nothing was changed; pass a file in a "
                              "folder that exists and that you can write to.");
      return kError;
    }
  }
  if (!savedPlan && !approved(args)) return kError;

  std::cout << (savedPlan ? "" : "\n") << "Applying " << p.plan.changes.size() << " change"
            << (p.plan.changes.size() == 1 ? "" : "s") << "...\n"
            << std::flush;
  ProgressPrinter progress(std::cout, color);
  apply::Options options;
  options.parallelism = global.parallelism;
  options.collectCredentials = !args.credentialsOut.empty();
  auto result = apply::execute(p.plan, p.live, *p.api, progress, options);

  for (const auto& w : result.warnings) printError("apply", "warning: " + w);
  std::string credentialsError;
  if (!args.credentialsOut.empty() && !result.credentials.empty()) {
    auto written = apply::writeCredentialsFile(args.credentialsOut, result.credentials);
    if (written.ok()) {
      std::cout << "Wrote the credentials of " << result.credentials.size() << " application"
                << (result.credentials.size() == 1 ? "" : "s") << " to " << args.credentialsOut
                << " (mode 0600).\n";
    } else {
      std::string names;
      for (const auto& c : result.credentials) {
        names += (names.empty() ? "" : ", ") + ("\"" + c.name + "\" (id " + c.id + ")");
      }
      bool one = result.credentials.size() == 1;
      credentialsError = written.error() + (one ? "; the application " : "; the applications ") +
                         names + (one ? " was" : " were") +
                         " created, but the client secrets were not saved. Get a secret by "
                         "rotating it in the PingOne console or with the API "
                         "(POST /environments/ENV/applications/ID/secret).";
    }
  }
  int code = result.ok() ? confirm(args, savedPlan, p, result, global, !credentialsError.empty())
                         : reportFailure(args, savedPlan, p.plan, result);
  if (!credentialsError.empty()) {
    printError("apply", credentialsError);
    return kPartialApply;
  }
  return code;
}

}  // namespace

Run setupApply(CLI::App& sub, const GlobalOptions& global) {
  auto args = std::make_shared<ApplyArgs>();
  sub.add_option("input", args->input,
                 "A manifest, or a plan saved by `pingplan plan --out` (default: pingplan.yaml)");
  sub.add_flag("--auto-approve", args->autoApprove, "Apply a manifest's plan without asking");
  sub.add_option("--credentials-out", args->credentialsOut,
                 "Write the client id and secret of created apps to this file (mode 0600)");
  return [args, &global]() { return runApply(*args, global); };
}

}  // namespace pingplan::cli
