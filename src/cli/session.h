#pragma once
// The steps `plan` and `apply` share: load a manifest, connect to PingOne, read the live
// state, make a plan. Each step prints its own errors to stderr and returns nullopt (or null)
// when it failed, so a command reads as a list of steps. Errors start "pingplan COMMAND: ",
// `command` being the command that runs the step.

#include <memory>
#include <optional>
#include <string>

#include "cli/command.h"
#include "model/model.h"
#include "pingone/api.h"
#include "plan/plan.h"

namespace pingplan::cli {

/// Loads and validates a manifest; prints every diagnostic.
std::optional<model::DesiredState> loadDesired(const std::string& path);

/// A client for `targetEnvironment` (empty: PINGONE_ENVIRONMENT_ID) from the PINGONE_*
/// variables; with --verbose it logs redacted request lines to stderr.
std::unique_ptr<pingone::Api> openApi(const std::string& targetEnvironment,
                                      const GlobalOptions& global, const std::string& command);

/// Reads the whole live state of the client's environment.
std::optional<model::LiveState> readLive(pingone::Api& api, const GlobalOptions& global,
                                         const std::string& command);

/// desired x live -> plan; prints the differ's errors.
std::optional<plan::Plan> makePlan(const model::DesiredState& desired, const model::LiveState& live,
                                   const std::string& command);

/// Prints "pingplan COMMAND: MESSAGE" on stderr.
void printError(const std::string& command, const std::string& message);

}  // namespace pingplan::cli
