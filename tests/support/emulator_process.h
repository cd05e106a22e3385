#pragma once
// EmulatorProcess: runs the real `pingone-emulator` binary on a free loopback port for a test
// and stops it when the test ends. It reads the start-up lines the emulator prints:
//   pingone-emulator listening on http://127.0.0.1:PORT
//   export PINGONE_API_SERVICE_HOSTNAME=http://127.0.0.1:PORT
//   export PINGONE_AUTH_SERVICE_HOSTNAME=http://127.0.0.1:PORT
//   export PINGONE_ENVIRONMENT_ID=...
//   export PINGONE_CLIENT_ID=...
//   export PINGONE_CLIENT_SECRET=...      (always the last line of the banner)
// and talks to its unauthenticated control endpoint under /emulator/ (docs/emulator.md).

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace pingplan::testing {

class EmulatorProcess {
 public:
  /// Starts the emulator with `--port 0` and the given extra flags; throws on failure.
  explicit EmulatorProcess(std::vector<std::string> extraArgs = {});
  ~EmulatorProcess();
  EmulatorProcess(const EmulatorProcess&) = delete;
  EmulatorProcess& operator=(const EmulatorProcess&) = delete;

  int port() const { return port_; }
  /// "http://127.0.0.1:PORT"
  const std::string& baseUrl() const { return baseUrl_; }
  const std::string& environmentId() const { return exports_.at("PINGONE_ENVIRONMENT_ID"); }
  const std::string& clientId() const { return exports_.at("PINGONE_CLIENT_ID"); }
  const std::string& clientSecret() const { return exports_.at("PINGONE_CLIENT_SECRET"); }
  /// Every `export NAME=VALUE` line of the banner.
  const std::map<std::string, std::string>& exports() const { return exports_; }

  /// A request to the control endpoint; returns the parsed JSON body (null when empty).
  /// Throws on a transport failure or a status >= 400.
  nlohmann::json control(const std::string& method, const std::string& path,
                         const nlohmann::json& body = nullptr) const;

  /// The request log: GET /emulator/requests -> "requests" array.
  nlohmann::json requests() const;
  /// Forgets the request log.
  void clearRequests() const;
  /// Number of logged POST/PUT/DELETE requests under /v1/.
  int writeCount() const;
  /// Merges fault settings (POST /emulator/faults).
  void setFaults(const nlohmann::json& faults) const;

  /// Stops the process (SIGTERM, then wait); returns its exit status.
  int stop();

 private:
  int pid_ = -1;
  int port_ = 0;
  std::string baseUrl_;
  std::map<std::string, std::string> exports_;
};

}  // namespace pingplan::testing
