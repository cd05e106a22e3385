// pingplan export [--out FILE] [--environment ID]
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/exportable.h"
#include "cli/session.h"
#include "manifest/writer.h"
#include "util/atomic_file.h"
#include "util/result.h"

namespace pingplan::cli {
namespace {

struct ExportArgs {
  std::string out;
  std::string environment;
};

int runExport(const ExportArgs& args, const GlobalOptions& global) {
  auto api = openApi(args.environment, global, "export");
  if (!api) return kError;
  auto live = readLive(*api, global, "export");
  if (!live) return kError;
  const char* self = std::getenv("PINGONE_CLIENT_ID");
  model::DesiredState exported = exportable(*live, self == nullptr ? "" : self);
  // Two live objects of one name would make a manifest that cannot be planned: refuse with
  // the error plan gives.
  if (!makePlan(exported, *live, "export")) return kError;
  std::string text = manifest::writeManifest(exported);
  if (args.out.empty()) {
    std::cout << text << std::flush;
    return kOk;
  }
  auto written = writeFileAtomically(args.out, text, 0644);
  if (!written.ok()) {
    printError("export", "cannot write " + args.out + ": " + written.error());
    return kError;
  }
  std::cerr << "Wrote the manifest of environment " << api->environmentId() << " to " << args.out
            << ".\n";
  return kOk;
}

}  // namespace

Run setupExport(CLI::App& sub, const GlobalOptions& global) {
  auto args = std::make_shared<ExportArgs>();
  sub.add_option("--out", args->out, "Write the manifest to this file (default: stdout)");
  sub.add_option("--environment", args->environment,
                 "Environment to export (default: PINGONE_ENVIRONMENT_ID)");
  return [args, &global]() { return runExport(*args, global); };
}

}  // namespace pingplan::cli
