// fuzz_emulator: the emulator's request handling in-process, through Emulator::handle (the
// function the cpp-httplib server calls for every request), with no socket in between. Each
// input is a fresh emulator and up to 16 requests separated by lines "%%". A request is
//   METHOD TARGET
//   Name: value          (any number of header lines)
//                        (an empty line)
//   BODY
// In the target, headers and body, $ENV, $WORKER and $TOKEN stand for the environment id, the
// worker app's id and a valid bearer token, and $ID for the "id" of the last answer that had
// one, so inputs can create an object and then address it. A request without an Authorization
// header gets the valid bearer token. Answers must carry a status from 100 to 599 and a JSON
// body (or none), and no 500: random 500s are switched off, so a 500 is an exception that
// escaped a handler.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "emulator/server.h"

namespace {

constexpr size_t kMaxRequests = 16;
constexpr char kEnvironmentId[] = "0d7a3a7e-1f1b-4a55-9d2e-5e0c2d7f4a11";
constexpr char kWorkerId[] = "6b1f9c3e-8a2d-4e7b-b1c4-2f9e8d7a6c55";
constexpr char kWorkerSecret[] = "fuzz-worker-secret";

const emulator::SigningKey& signingKey() {
  static const emulator::SigningKey key = emulator::SigningKey::generate();
  return key;
}

std::string base64(const std::string& in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t n = static_cast<uint32_t>(static_cast<unsigned char>(in[i]) << 16 |
                                       static_cast<unsigned char>(in[i + 1]) << 8 |
                                       static_cast<unsigned char>(in[i + 2]));
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(n >> shift) & 63];
  }
  size_t rest = in.size() - i;
  if (rest > 0) {
    uint32_t n = static_cast<uint32_t>(static_cast<unsigned char>(in[i]) << 16);
    if (rest == 2) n |= static_cast<uint32_t>(static_cast<unsigned char>(in[i + 1]) << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += rest == 2 ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::vector<std::string> splitRequests(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (parts.size() < kMaxRequests) {
    size_t at = text.find("\n%%\n", start);
    if (at == std::string::npos) {
      parts.push_back(text.substr(start));
      break;
    }
    parts.push_back(text.substr(start, at - start));
    start = at + 4;
  }
  return parts;
}

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

/// The query string as cpp-httplib's parser would leave it in req.params (no percent-decoding
/// needed: the emulator only reads `limit` and `cursor`).
void parseQuery(const std::string& query, httplib::Params& params) {
  size_t start = 0;
  while (start <= query.size()) {
    size_t amp = query.find('&', start);
    if (amp == std::string::npos) amp = query.size();
    std::string pair = query.substr(start, amp - start);
    size_t eq = pair.find('=');
    if (!pair.empty()) {
      params.emplace(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
    }
    start = amp + 1;
  }
}

httplib::Request parseRequest(const std::string& text) {
  httplib::Request req;
  size_t eol = text.find('\n');
  std::string first = text.substr(0, eol);
  size_t space = first.find(' ');
  req.method = first.substr(0, space);
  req.target = space == std::string::npos ? "/" : first.substr(space + 1);
  size_t question = req.target.find('?');
  req.path = req.target.substr(0, question);
  if (question != std::string::npos) parseQuery(req.target.substr(question + 1), req.params);
  size_t pos = eol == std::string::npos ? text.size() : eol + 1;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    size_t value = line.find_first_not_of(' ', colon + 1);
    req.headers.emplace(line.substr(0, colon),
                        value == std::string::npos ? "" : line.substr(value));
  }
  if (pos < text.size()) req.body = text.substr(pos);
  req.remote_addr = "127.0.0.1";
  return req;
}

[[noreturn]] void finding(const httplib::Request& req, const httplib::Response& res,
                          const char* what) {
  std::fprintf(stderr, "%s: %s %s -> %d %s\n", what, req.method.c_str(), req.target.c_str(),
               res.status, res.body.c_str());
  std::abort();
}

/// The listening socket bind() opened. cpp-httplib closes it only when a server that ran stops,
/// so a server that never ran would leak it; the fuzzer closes it itself.
void closeListener(int port) {
  for (int fd = 3; fd < 1024; ++fd) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) continue;
    if (address.ss_family != AF_INET) continue;
    sockaddr_in in{};
    std::memcpy(&in, &address, sizeof in);
    if (ntohs(in.sin_port) == port) {
      close(fd);
      return;
    }
  }
}

class Session {
 public:
  Session() : emulator_(setup()) {
    port_ = emulator_.bind(0);
    if (port_ < 0) std::abort();
    httplib::Request req;
    req.method = "POST";
    req.path = req.target = std::string("/") + kEnvironmentId + "/as/token";
    req.headers.emplace("Content-Type", "application/x-www-form-urlencoded");
    req.headers.emplace("Authorization",
                        "Basic " + base64(std::string(kWorkerId) + ":" + kWorkerSecret));
    req.body = "grant_type=client_credentials";
    httplib::Response res;
    emulator_.handle(req, res);
    auto body = nlohmann::json::parse(res.body, nullptr, false);
    if (res.status != 200 || !body.is_object() || !body.contains("access_token")) {
      finding(req, res, "no token for the worker");
    }
    token_ = body["access_token"].get<std::string>();
  }
  ~Session() { closeListener(port_); }

  void send(const std::string& text) {
    std::string expanded = text;
    replaceAll(expanded, "$ENV", kEnvironmentId);
    replaceAll(expanded, "$WORKER", kWorkerId);
    replaceAll(expanded, "$TOKEN", token_);
    replaceAll(expanded, "$ID", lastId_);
    httplib::Request req = parseRequest(expanded);
    if (!req.has_header("Authorization")) req.headers.emplace("Authorization", "Bearer " + token_);
    httplib::Response res;
    emulator_.handle(req, res);
    if (req.path.rfind("/emulator/faults", 0) == 0) calmFaults();
    check(req, res);
  }

 private:
  static emulator::EmulatorSetup setup() {
    emulator::Store store(kEnvironmentId);
    store.seed(kWorkerId, kWorkerSecret, "");
    return emulator::EmulatorSetup{std::move(store), signingKey(), kWorkerId, {}, 1, ""};
  }

  /// Latency would only slow the fuzzer down, and random error answers hide real ones.
  void calmFaults() {
    httplib::Request req;
    req.method = "POST";
    req.path = req.target = "/emulator/faults";
    req.headers.emplace("Content-Type", "application/json");
    req.body = R"({"latencyMs":0,"jitterMs":0,"rate429":0,"rate503":0,"rate500":0})";
    httplib::Response res;
    emulator_.handle(req, res);
    if (res.status != 200) finding(req, res, "faults could not be reset");
  }

  void check(const httplib::Request& req, const httplib::Response& res) {
    if (res.status < 100 || res.status > 599) finding(req, res, "bad status");
    if (res.status == 500) finding(req, res, "an exception escaped a handler");
    if (res.body.empty()) return;
    auto body = nlohmann::json::parse(res.body, nullptr, false);
    if (body.is_discarded()) finding(req, res, "the body is not JSON");
    if (body.is_object() && body.contains("id") && body["id"].is_string() && res.status < 300) {
      lastId_ = body["id"].get<std::string>();
    }
  }

  emulator::Emulator emulator_;
  int port_ = -1;
  std::string token_;
  std::string lastId_ = "none";
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  Session session;
  for (const auto& request : splitRequests(text)) session.send(request);
  return 0;
}
