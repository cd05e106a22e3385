#pragma once
// Emulator: the pingone-emulator HTTP server. One cpp-httplib server on 127.0.0.1 serves the
// auth paths (/{envId}/as/token, /{envId}/as/jwks), the management API (/v1/...) and the
// unauthenticated control endpoint (/emulator/...), with fault injection and a request log.

#include <httplib.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "emulator/faults.h"
#include "emulator/hal.h"
#include "emulator/request_log.h"
#include "emulator/signing_key.h"
#include "emulator/store.h"
#include "emulator/token_service.h"

namespace emulator {

/// Everything the server starts from.
struct EmulatorSetup {
  Store store;
  SigningKey key;
  std::string workerId;
  FaultSettings faults;
  uint64_t seed = 1;
  std::string statePath;  // empty: nothing is saved
};

/// The running emulator. bind() then run() (blocking) until stop() from another thread.
class Emulator {
 public:
  explicit Emulator(EmulatorSetup setup);
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  /// Binds 127.0.0.1:port (0 picks a free one); returns the port, or -1 on failure.
  int bind(int port);
  /// Serves until stop(); returns false if the server failed.
  bool run();
  void stop();
  /// Writes the --state file now; throws std::runtime_error on failure (no-op without one).
  void save();
  const std::string& environmentId() const { return environmentId_; }
  const std::string& workerId() const { return workerId_; }
  /// The worker's current secret (for the banner).
  std::string workerSecret();
  /// http://127.0.0.1:PORT once bound.
  const std::string& baseUrl() const { return baseUrl_; }
  /// Answers one request as the server would (used by the server itself and by fuzzers).
  void handle(const httplib::Request& req, httplib::Response& res);

 private:
  using json = nlohmann::json;

  void configure();
  void setPort(int port);
  void handleUnlogged(const httplib::Request& req, httplib::Response& res);
  void logRequest(const httplib::Request& req, const httplib::Response& res);
  void handleApi(const httplib::Request& req, httplib::Response& res,
                 const std::vector<std::string>& segments);
  json routeApi(const httplib::Request& req, httplib::Response& res,
                const std::vector<std::string>& segments, const json& body,
                const std::string& callerId);
  json routeResources(const std::vector<std::string>& segments, const json& body,
                      const httplib::Request& req, httplib::Response& res);
  json routeApplications(const std::vector<std::string>& segments, const json& body,
                         const httplib::Request& req, httplib::Response& res,
                         const std::string& callerId);
  /// GET and POST of /applications/{id}/secret.
  json secret(const std::string& method, const std::string& id, const json& body,
              const std::string& callerId);

  /// One collection of the API: GET and POST on `path`, GET, PUT and DELETE on `path/{id}`,
  /// each a call of the store.
  struct Collection {
    std::string path;  // below /v1, e.g. /environments/{envId}/resources
    std::string name;  // its key in a list's _embedded
    std::function<json()> all;
    std::function<json(const json& body)> create;
    std::function<json(const std::string& id)> get;
    std::function<json(const std::string& id, const json& body)> replace;
    std::function<void(const std::string& id)> remove;
  };
  /// Answers a request on the collection (`id` null) or on one of its items.
  json serve(const Collection& collection, const std::string* id, const json& body,
             const httplib::Request& req, httplib::Response& res);
  void handleAuth(const httplib::Request& req, httplib::Response& res,
                  const std::vector<std::string>& segments);
  void handleControl(const httplib::Request& req, httplib::Response& res,
                     const std::vector<std::string>& segments);
  /// Applies latency and random error answers; true when a fault answered the request.
  bool injectFault(httplib::Response& res);
  /// A page of `items` as the list at `path`; each item's self link is `path/{id}`.
  json list(const httplib::Request& req, const std::string& path, const std::string& name,
            const json& items);
  json item(const json& object, const std::string& path) const;
  std::string apiUrl(const std::string& path) const { return baseUrl_ + "/v1" + path; }
  std::optional<TokenClient> tokenClient(const std::string& id);
  std::vector<GrantedResource> grantedResources(const std::string& id);
  void saveLocked();

  std::string environmentId_;
  std::string workerId_;
  std::string statePath_;
  std::string baseUrl_;
  std::mutex storeMutex_;
  Store store_;
  Faults faults_;
  RequestLog log_;
  std::unique_ptr<TokenService> tokens_;
  std::unique_ptr<Hal> hal_;
  SigningKey key_;
  httplib::Server server_;
  int port_ = -1;
  int listenSocket_ = -1;  // seen by the socket-options hook before bind()
};

}  // namespace emulator
