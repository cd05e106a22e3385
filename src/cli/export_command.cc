// pingplan export [--out FILE] [--environment ID]
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/exportable.h"
#include "cli/session.h"
#include "manifest/writer.h"
#include "util/result.h"

namespace pingplan::cli {
namespace {

struct ExportArgs {
  std::string out;
  std::string environment;
};

/// Writes `text` to `path` through a temporary file in the same folder and a rename. The
/// error names `path` and the reason, never the temporary file.
Status<std::string> writeText(const std::string& path, const std::string& text) {
  auto cannot = [&](int error) {
    return fail("cannot write " + path + ": " + std::strerror(error));
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return cannot(EISDIR);
  auto slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  std::string temp = dir + "/.pingplan-export-XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return cannot(errno);
  auto failed = [&](int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    return cannot(error);
  };
  for (std::size_t done = 0; done < text.size();) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return failed(errno);
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) return failed(errno);
  if (::close(fd) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    return cannot(error);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    return cannot(error);
  }
  return Ok{};
}

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
  auto written = writeText(args.out, text);
  if (!written.ok()) {
    printError("export", written.error());
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
