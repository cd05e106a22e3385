// pingplan export [--out FILE] [--environment ID]
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/exportable.h"
#include "cli/session.h"
#include "manifest/writer.h"

namespace pingplan::cli {
namespace {

struct ExportArgs {
  std::string out;
  std::string environment;
};

/// Writes `text` to `path` through a temporary file and a rename.
bool writeText(const std::string& path, const std::string& text) {
  std::string temp = path + ".tmp";
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    file << text;
    if (!file.flush()) return false;
  }
  std::error_code error;
  std::filesystem::rename(temp, path, error);
  return !error;
}

int runExport(const ExportArgs& args, const GlobalOptions& global) {
  auto api = openApi(args.environment, global);
  if (!api) return kError;
  auto live = readLive(*api, global);
  if (!live) return kError;
  const char* self = std::getenv("PINGONE_CLIENT_ID");
  std::string text = manifest::writeManifest(exportable(*live, self == nullptr ? "" : self));
  if (args.out.empty()) {
    std::cout << text << std::flush;
    return kOk;
  }
  if (!writeText(args.out, text)) {
    printError("export", "cannot write " + args.out);
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
