#pragma once
// Connection settings from the environment (the names of PingOne's Terraform provider, see
// docs/authentication.md) and the factory for the libcurl client.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "pingone/api.h"
#include "pingone/clock.h"

namespace pingplan::pingone {

/// Looks up an environment variable.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

/// Receives one redacted line per request when --verbose is on (method, URL, status, ms).
using LogSink = std::function<void(const std::string& line)>;

struct ClientOptions {
  int parallelism = 8;  // concurrent requests the client is sized for
  LogSink log;          // null: no logging
  /// Time and sleeping for token expiry and retry waits; null: the system clock. Tests pass
  /// a fake that records the waits instead of sleeping.
  std::shared_ptr<Clock> clock;
};

/// Everything needed to reach PingOne; secrets stay inside and never print.
struct Connection;

/// Reads PINGONE_* variables. `targetEnvironment` is the manifest's `environment` (empty:
/// use PINGONE_ENVIRONMENT_ID). Errors name the variable and say what to set.
ApiResult<std::shared_ptr<const Connection>> connectionFromEnvironment(
    const EnvLookup& env, const std::string& targetEnvironment);

/// The libcurl client for the connection's target environment.
std::unique_ptr<Api> connect(std::shared_ptr<const Connection> connection,
                             const ClientOptions& options);

}  // namespace pingplan::pingone
