#include "emulator/server.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "emulator/api_error.h"
#include "emulator/attribute_claims.h"
#include "emulator/request_context.h"
#include "emulator/state_file.h"

namespace emulator {
namespace {

constexpr size_t kPayloadMaxBytes = 1024 * 1024;
constexpr int kThreads = 64;

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> segments;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  if (!segments.empty() && segments.back().empty()) segments.pop_back();
  return segments;
}

}  // namespace

Emulator::Emulator(EmulatorSetup setup)
    : environmentId_(setup.store.environmentId()),
      workerId_(setup.workerId),
      statePath_(setup.statePath),
      store_(std::move(setup.store)),
      faults_(setup.faults, setup.seed),
      key_(std::move(setup.key)) {
  setPort(0);  // until bind(): lets handle() serve requests made by hand (fuzzers)
  configure();
}

void Emulator::configure() {
  server_.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  server_.set_payload_max_length(kPayloadMaxBytes);
  server_.set_keep_alive_max_count(1000);
  server_.set_keep_alive_timeout(2);
  // cpp-httplib sends headers and body in separate writes; without TCP_NODELAY, Nagle and
  // delayed ACKs add ~40 ms to every keep-alive answer. Accepted sockets inherit the option
  // from the listening socket on Linux.
  server_.set_socket_options([this](socket_t sock) {
    listenSocket_ = sock;
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  });
  server_.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    currentRequest() = {std::chrono::steady_clock::now(), false, false};
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto dispatch = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
  server_.Get(".*", dispatch);
  server_.Post(".*", dispatch);
  server_.Put(".*", dispatch);
  server_.Delete(".*", dispatch);
  server_.Patch(".*", dispatch);
  server_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413) {
      sendJson(
          res, 413,
          ApiError(413, "INVALID_REQUEST", "The request body is too large.",
                   {{"SIZE_LIMIT_EXCEEDED",
                     "body",
                     "The body must not exceed " + std::to_string(kPayloadMaxBytes) + " bytes.",
                     {{"maximumValue", kPayloadMaxBytes}}}})
              .body());
    } else if (res.status == 404) {
      sendJson(res, 404, notFound().body());
    } else {
      int status = res.status;
      sendJson(res, status, invalidRequest("The request could not be read.").body());
    }
  });
  server_.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                   std::exception_ptr) {
    sendJson(res, 500, ApiError(500, "UNEXPECTED_ERROR", "An unexpected error occurred.").body());
  });
  // Requests that reach handle() are logged there, before the answer is sent, so a client that
  // got its answer always finds it in the log. The logger catches the rest (413, unreadable
  // requests), which cpp-httplib answers without routing.
  server_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    if (!currentRequest().logged) logRequest(req, res);
    currentRequest() = {};
  });
}

int Emulator::bind(int port) {
  int bound = port == 0 ? server_.bind_to_any_port("127.0.0.1")
                        : (server_.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound < 0) return -1;
  // Debian's cpp-httplib is a compiled library that listens with a backlog of 5: eight
  // clients connecting at once overflowed it, the kernel dropped their handshake and each
  // waited the 1 s SYN-ACK retransmit (bench/README.md). listen() again raises the backlog.
  int accepting = 0;
  socklen_t length = sizeof accepting;
  if (listenSocket_ >= 0 &&
      getsockopt(listenSocket_, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &length) == 0 &&
      accepting == 1) {
    ::listen(listenSocket_, SOMAXCONN);
  }
  setPort(bound);
  return bound;
}

void Emulator::setPort(int port) {
  port_ = port;
  baseUrl_ = "http://127.0.0.1:" + std::to_string(port_);
  tokens_ = std::make_unique<TokenService>(key_, environmentId_,
                                           baseUrl_ + "/" + environmentId_ + "/as", baseUrl_);
  hal_ = std::make_unique<Hal>(baseUrl_ + "/v1");
}

bool Emulator::run() { return server_.listen_after_bind(); }

void Emulator::stop() { server_.stop(); }

void Emulator::save() {
  std::lock_guard lock(storeMutex_);
  saveLocked();
}

std::string Emulator::workerSecret() {
  std::lock_guard lock(storeMutex_);
  return store_.secret(workerId_);
}

void Emulator::saveLocked() {
  if (statePath_.empty()) return;
  writeStateFile(statePath_, {{"format", 1},
                              {"workerId", workerId_},
                              {"signingKeyPem", key_.privatePem()},
                              {"store", store_.toJson()}});
}

void Emulator::logRequest(const httplib::Request& req, const httplib::Response& res) {
  RequestContext& context = currentRequest();
  context.logged = true;
  if (req.path.rfind("/emulator/", 0) == 0) return;
  double ms = 0;
  if (context.start.time_since_epoch().count() != 0) {
    ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - context.start)
             .count();
  }
  auto question = req.target.find('?');
  log_.add({req.method, req.path,
            question == std::string::npos ? "" : req.target.substr(question + 1), res.status, ms,
            context.dropped});
}

void Emulator::handle(const httplib::Request& req, httplib::Response& res) {
  handleUnlogged(req, res);
  if (!currentRequest().logged) logRequest(req, res);
}

void Emulator::handleUnlogged(const httplib::Request& req, httplib::Response& res) {
  std::vector<std::string> segments = splitPath(req.path);
  try {
    if (!segments.empty() && segments[0] == "emulator") {
      handleControl(req, res, segments);
    } else if (!segments.empty() && segments[0] == "v1") {
      handleApi(req, res, segments);
    } else if (segments.size() == 3 && segments[1] == "as") {
      handleAuth(req, res, segments);
    } else {
      throw notFound();
    }
  } catch (const ApiError& e) {
    sendJson(res, e.status(), e.body());
  } catch (const std::exception& e) {
    std::cerr << "pingone-emulator: " << req.method << " " << req.path << ": " << e.what() << "\n";
    sendJson(res, 500, ApiError(500, "UNEXPECTED_ERROR", "An unexpected error occurred.").body());
  }
}

bool Emulator::injectFault(httplib::Response& res) {
  FaultDecision decision = faults_.roll();
  if (decision.delayMs > 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(decision.delayMs));
  if (decision.status == 0) return false;
  std::string retryAfter = std::to_string(faults_.settings().retryAfterSeconds);
  if (decision.status == 429) {
    res.set_header("Retry-After", retryAfter);
    sendJson(res, 429,
             ApiError(429, "REQUEST_LIMITED", "The request was rate limited.",
                      {{"LIMIT_EXCEEDED",
                        "",
                        "Too many requests; retry after " + retryAfter + " seconds.",
                        {{"retryAfter", retryAfter}}}})
                 .body());
  } else if (decision.status == 503) {
    res.set_header("Retry-After", retryAfter);
    sendJson(
        res, 503,
        ApiError(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable.").body());
  } else {
    sendJson(res, 500, ApiError(500, "UNEXPECTED_ERROR", "An unexpected error occurred.").body());
  }
  return true;
}

std::optional<TokenClient> Emulator::tokenClient(const std::string& id) {
  std::lock_guard lock(storeMutex_);
  const json* app = store_.findApplication(id);
  if (app == nullptr || (*app)["protocol"] != "OPENID_CONNECT" || !app->contains("grantTypes")) {
    return std::nullopt;
  }
  TokenClient client;
  client.id = id;
  client.authMethod = app->value("tokenEndpointAuthMethod", "");
  client.jwks = app->value("jwks", "");
  client.enabled = app->value("enabled", false);
  for (const auto& type : (*app)["grantTypes"]) {
    if (type == "CLIENT_CREDENTIALS") client.clientCredentials = true;
  }
  json secret = store_.secretDocument(id);
  client.secrets.push_back(secret["secret"]);
  if (secret.contains("previous")) client.secrets.push_back(secret["previous"]["secret"]);
  return client;
}

std::vector<GrantedResource> Emulator::grantedResources(const std::string& id) {
  std::lock_guard lock(storeMutex_);
  std::vector<GrantedResource> out;
  // Only authenticated clients get here: system apps (no grantTypes) never do.
  for (const auto& grant : store_.grants(id)) {
    std::string resourceId = grant["resource"]["id"];
    const json& resource = store_.resource(resourceId);
    GrantedResource granted{resource["name"],
                            resource["type"],
                            resource.value("audience", ""),
                            resource.value("accessTokenValiditySeconds", int64_t{3600}),
                            {},
                            json::object()};
    for (const auto& held : grant["scopes"]) {
      granted.scopes.push_back(store_.scope(resourceId, held["id"])["name"]);
    }
    if (granted.type == "CUSTOM") {
      for (const auto& attribute : store_.attributes(resourceId)) {
        auto value = staticClaimValue(attribute.value("value", ""));
        if (value) granted.claims[attribute["name"].get<std::string>()] = *value;
      }
    }
    out.push_back(std::move(granted));
  }
  return out;
}

void Emulator::handleAuth(const httplib::Request& req, httplib::Response& res,
                          const std::vector<std::string>& segments) {
  if (segments[0] != environmentId_) throw notFound();
  if (segments[2] == "jwks" && req.method == "GET") {
    sendJson(res, 200, tokens_->jwks());
    return;
  }
  if (segments[2] != "token") throw notFound();
  if (req.method != "POST") {
    sendJson(res, 405,
             {{"error", "invalid_request"},
              {"error_description", "The token endpoint accepts POST only."}});
    return;
  }
  if (injectFault(res)) return;
  std::string asBase = "/" + environmentId_ + "/as";
  std::vector<std::string> hosts = {baseUrl_};
  if (req.has_header("Host")) hosts.push_back("http://" + req.get_header_value("Host"));
  TokenRequest request{
      req.body, req.get_header_value("Content-Type"), req.get_header_value("Authorization"), {}};
  for (const auto& host : hosts) {
    request.audiences.push_back(host + asBase + "/token");
    request.audiences.push_back(host + asBase);
  }
  TokenReply reply = tokens_->issue(
      request, [this](const std::string& id) { return tokenClient(id); },
      [this](const std::string& id) { return grantedResources(id); },
      faults_.settings().tokenLifetimeSeconds);
  if (reply.status == 401 && request.authorization.rfind("Basic ", 0) == 0) {
    res.set_header("WWW-Authenticate", "Basic realm=\"" + environmentId_ + "\"");
  }
  res.set_header("Cache-Control", "no-store");
  sendJson(res, reply.status, reply.body);
}

}  // namespace emulator
