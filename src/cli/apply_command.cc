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
#include "cli/output.h"
#include "cli/progress.h"
#include "cli/session.h"
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

/// The first fingerprint that differs between the saved plan and the live state, described.
std::optional<std::string> staleObject(const plan::Plan& saved, const model::LiveState& live) {
  std::map<std::string, plan::Fingerprint> now;
  for (auto& f : plan::fingerprintsFor(saved, live)) now[f.key] = f;
  for (const auto& f : saved.fingerprints) {
    auto it = now.find(f.key);
    if (it == now.end()) return f.key + " is no longer read by the plan";
    const auto& n = it->second;
    if (f.id.empty() && !n.id.empty()) return f.key + " was created (id " + n.id + ")";
    if (!f.id.empty() && n.id.empty()) return f.key + " was deleted";
    if (f.id != n.id || f.digest != n.digest) return f.key + " was modified (id " + n.id + ")";
    now.erase(it);
  }
  if (!now.empty()) return now.begin()->first + " is newly read by the plan";
  return std::nullopt;
}

std::optional<Prepared> fromManifest(const ApplyArgs& args, const GlobalOptions& global) {
  auto desired = loadDesired(args.input);
  if (!desired) return std::nullopt;
  Prepared p;
  p.desired = std::move(*desired);
  p.api = openApi(p.desired.environmentId, global);
  if (!p.api) return std::nullopt;
  auto live = readLive(*p.api, global);
  if (!live) return std::nullopt;
  p.live = std::move(*live);
  auto made = makePlan(p.desired, p.live);
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
  p.api = openApi(p.plan.environmentId, global);
  if (!p.api) return std::nullopt;
  auto live = readLive(*p.api, global);
  if (!live) return std::nullopt;
  p.live = std::move(*live);
  if (auto stale = staleObject(p.plan, p.live)) {
    printError("apply", "the saved plan " + args.input +
                            " is out of date: since the plan was made, " + *stale +
                            ". Nothing was changed; run `pingplan plan --out " + args.input +
                            "` again.");
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

int reportFailure(const plan::Plan& plan, const apply::ApplyResult& result) {
  std::cout << "\nApply failed partway: " << counts(plan, result) << ".\n";
  std::string applied, missing;
  for (std::size_t i = 0; i < plan.changes.size(); ++i) {
    std::string line = "  " + outcomeLine(plan.changes[i], result.changes[i]) + "\n";
    (result.changes[i].outcome == apply::Outcome::Applied ? applied : missing) += line;
  }
  if (!applied.empty()) std::cout << "Applied:\n" << applied;
  std::cout << "Not applied:\n" << missing << std::flush;
  int failed = result.count(apply::Outcome::Failed);
  printError("apply", std::to_string(failed) + " change" + (failed == 1 ? "" : "s") + " failed" +
                          (result.writes > 0 ? "; the environment was changed partway"
                                             : "; nothing was changed") +
                          ". Running `pingplan apply` again finishes the job once the cause "
                          "is fixed.");
  return result.writes > 0 ? kPartialApply : kError;
}

/// After success: a fresh plan must be empty.
int confirm(Prepared& p, const apply::ApplyResult& result, const GlobalOptions& global) {
  auto live = readLive(*p.api, global);
  std::string done = "Apply complete! " + counts(p.plan, result) + ".";
  if (!live) {
    printError("apply",
               "every change was applied, but the live state could not be read again "
               "to confirm it.");
    return kError;
  }
  auto fresh = makePlan(p.desired, *live);
  if (!fresh) return kError;
  if (fresh->summary().empty()) {
    std::cout << "\n" << done << " A fresh plan shows no changes.\n";
    return kOk;
  }
  std::cout << "\n"
            << done << " But a fresh plan still shows changes:\n\n"
            << renderPlan(*fresh, "text", useColor(global));
  printError("apply",
             "the environment did not converge; running `pingplan apply` again "
             "finishes the job.");
  return kPartialApply;
}

int runApply(const ApplyArgs& args, const GlobalOptions& global) {
  auto text = readText(args.input);
  if (!text) return kError;
  bool savedPlan = plan::looksLikeSavedPlan(*text);
  auto prepared = savedPlan ? fromSavedPlan(args, global) : fromManifest(args, global);
  if (!prepared) return kError;
  Prepared& p = *prepared;
  bool color = useColor(global);

  if (!savedPlan) std::cout << renderPlan(p.plan, "text", color) << std::flush;
  if (p.plan.summary().empty()) {
    if (savedPlan) std::cout << "No changes. The saved plan has nothing to apply.\n";
    return kOk;
  }
  if (!savedPlan && !approved(args)) return kError;

  std::cout << "\nApplying " << p.plan.changes.size() << " change"
            << (p.plan.changes.size() == 1 ? "" : "s") << "...\n"
            << std::flush;
  ProgressPrinter progress(std::cout, color);
  apply::Options options;
  options.parallelism = global.parallelism;
  options.collectCredentials = !args.credentialsOut.empty();
  auto result = apply::execute(p.plan, p.live, *p.api, progress, options);

  for (const auto& w : result.warnings) printError("apply", "warning: " + w);
  bool credentialsLost = false;
  if (!args.credentialsOut.empty() && !result.credentials.empty()) {
    auto written = apply::writeCredentialsFile(args.credentialsOut, result.credentials);
    if (written.ok()) {
      std::cout << "Wrote the credentials of " << result.credentials.size() << " application"
                << (result.credentials.size() == 1 ? "" : "s") << " to " << args.credentialsOut
                << " (mode 0600).\n";
    } else {
      printError("apply", written.error() +
                              "; the applications were created, rotate their secrets to get "
                              "new ones");
      credentialsLost = true;
    }
  }
  if (!result.ok()) return reportFailure(p.plan, result);
  int code = confirm(p, result, global);
  return credentialsLost && code == kOk ? kError : code;
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
