#include "cli/session.h"

#include <cstdlib>
#include <iostream>
#include <mutex>

#include "diff/diff.h"
#include "manifest/loader.h"
#include "pingone/connection.h"
#include "pingone/reader.h"

namespace pingplan::cli {

void printError(const std::string& command, const std::string& message) {
  std::cerr << "pingplan " << command << ": " << message << "\n";
}

std::optional<model::DesiredState> loadDesired(const std::string& path) {
  auto result = manifest::loadManifest(path);
  for (const auto& d : result.diagnostics) std::cerr << d.str() << "\n";
  if (!result.ok()) {
    std::cerr << result.diagnostics.size() << " error"
              << (result.diagnostics.size() == 1 ? "" : "s") << " in " << path << "\n";
    return std::nullopt;
  }
  return std::move(result.state);
}

std::unique_ptr<pingone::Api> openApi(const std::string& targetEnvironment,
                                      const GlobalOptions& global, const std::string& command) {
  pingone::EnvLookup env = [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
  auto connection = pingone::connectionFromEnvironment(env, targetEnvironment);
  if (!connection.ok()) {
    printError(command, connection.error().message);
    return nullptr;
  }
  pingone::ClientOptions options;
  options.parallelism = global.parallelism;
  if (global.verbose) {
    auto mutex = std::make_shared<std::mutex>();
    options.log = [mutex](const std::string& line) {
      std::lock_guard lock(*mutex);
      std::cerr << line << "\n";
    };
  }
  return pingone::connect(*connection, options);
}

std::optional<model::LiveState> readLive(pingone::Api& api, const GlobalOptions& global,
                                         const std::string& command) {
  auto live = pingone::readLiveState(api, global.parallelism);
  if (!live.ok()) {
    printError(command, "cannot read the live environment " + api.environmentId() + ": " +
                            live.error().message);
    return std::nullopt;
  }
  if (live->environmentId.empty()) live->environmentId = api.environmentId();
  return std::move(*live);
}

std::optional<plan::Plan> makePlan(const model::DesiredState& desired, const model::LiveState& live,
                                   const std::string& command) {
  auto made = diff::makePlan(desired, live);
  if (!made.ok()) {
    for (const auto& e : made.error()) printError(command, e.message);
    return std::nullopt;
  }
  return std::move(*made);
}

}  // namespace pingplan::cli
