// fuzz_decode: what pingplan makes of the PingOne API's answers. The first byte picks a mode:
//   0: the rest is JSON for every codec decoder, and each decoded object is encoded back onto
//      the same JSON as an update would;
//   1: the rest is an error answer (in the script format below) for errorCodeOf, httpError and
//      RetryPolicy::parseRetryAfter;
//   2, 3: the rest is a script of HTTP answers, separated by lines "%%", that a fake transport
//      hands out in order to the real client (2: client_secret_basic, so the first answer is
//      usually the token endpoint's; 3: a static access token) while it reads the whole live
//      state (HAL pages, P1Errors, retries on a fake clock that never sleeps), then reads a
//      secret, creates, replaces and deletes. Each answer is "STATUS\n" then "Name: value"
//      header lines, an empty line and the body.
// Nothing may crash, hang or throw; a script that runs out answers "connection refused".

#include <cctype>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pingone/client.h"
#include "pingone/codec.h"
#include "pingone/connection_settings.h"
#include "pingone/error_format.h"
#include "pingone/reader.h"
#include "pingone/retry_policy.h"

namespace {

using namespace pingplan::pingone;

/// Splits text at every line that is exactly `separator`.
std::vector<std::string> splitAt(const std::string& text, const std::string& separator) {
  std::vector<std::string> parts;
  const std::string marker = "\n" + separator + "\n";
  size_t start = 0;
  while (true) {
    size_t at = text.find(marker, start);
    if (at == std::string::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, at - start));
    start = at + marker.size();
  }
}

int leadingStatus(const std::string& line) {
  int status = 0;
  for (char c : line.substr(0, 3)) {
    if (c < '0' || c > '9') return 200;
    status = status * 10 + (c - '0');
  }
  return status;
}

HttpResponse parseAnswer(const std::string& text) {
  HttpResponse res;
  size_t eol = text.find('\n');
  res.status = leadingStatus(text.substr(0, eol));
  if (eol == std::string::npos) return res;
  size_t pos = eol + 1;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t value = line.find_first_not_of(' ', colon + 1);
    res.headers[name] = value == std::string::npos ? "" : line.substr(value);
  }
  res.body = pos < text.size() ? text.substr(pos) : "";
  return res;
}

/// Hands out the scripted answers in order; thread-safe, as Transport must be.
class ScriptedTransport final : public Transport {
 public:
  explicit ScriptedTransport(std::vector<std::string> answers) : answers_(std::move(answers)) {}
  HttpResult send(const HttpRequest&) override {
    std::lock_guard lock(mutex_);
    if (next_ >= answers_.size()) {
      return pingplan::fail(TransportError{TransportError::Kind::NotSent, "connection refused"});
    }
    return parseAnswer(answers_[next_++]);
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> answers_;
  size_t next_ = 0;
};

/// Time moves only when the client sleeps.
class FakeClock final : public Clock {
 public:
  TimePoint now() override {
    std::lock_guard lock(mutex_);
    return now_;
  }
  void sleepFor(std::chrono::milliseconds delay) override {
    std::lock_guard lock(mutex_);
    now_ += delay;
  }

 private:
  std::mutex mutex_;
  TimePoint now_ = TimePoint(std::chrono::seconds(1'800'000'000));
};

void decodeAll(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) return;
  (void)encodeResource(decodeResource(j), j);
  (void)encodeAttribute(decodeAttribute(j), j);
  (void)encodeScope(decodeScope(j), j);
  (void)encodeApplication(decodeApplication(j), j);
  (void)encodeGrant(decodeGrant(j), j);
}

void decodeError(const std::string& text) {
  auto parts = splitAt(text, "%%");
  HttpResponse res = parseAnswer(parts[0]);
  (void)errorCodeOf(res.body);
  (void)httpError("PUT", "https://api.pingone.com/v1/environments/e/resources/r", res);
  (void)httpError("POST", "https://auth.pingone.com/e/as/token", res);
  auto retryAfter = res.headers.find("retry-after");
  if (retryAfter != res.headers.end()) {
    (void)RetryPolicy::parseRetryAfter(retryAfter->second,
                                       RetryPolicy::TimePoint(std::chrono::seconds(1'800'000'000)));
  }
}

void runClient(const std::string& text, AuthMethod method) {
  auto connection = std::make_shared<Connection>();
  connection->apiBaseUrl = "http://127.0.0.1:9";
  connection->authBaseUrl = "http://127.0.0.1:9";
  connection->workerEnvironmentId = "worker-env";
  connection->environmentId = "target-env";
  connection->method = method;
  connection->clientId = "client-id";
  connection->clientSecret = "client-secret";
  connection->accessToken = "static-token";
  ClientOptions options;
  options.parallelism = 1;
  options.clock = std::make_shared<FakeClock>();
  options.log = [](const std::string&) {};
  auto transport = std::make_shared<ScriptedTransport>(splitAt(text, "%%"));
  auto api = makeClient(connection, options, transport,
                        RetryPolicy([] { return RetryPolicy::Millis(7); }));
  (void)readLiveState(*api, 1);
  (void)api->readSecret("app-id");
  (void)api->create(Collection::Scopes, "res-id", Json{{"name", "s"}});
  (void)api->replace(Collection::Grants, "app-id", "grant-id", Json{{"scopes", Json::array()}});
  (void)api->remove(Collection::Attributes, "res-id", "attr-id");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 4) {
    case 0:
      decodeAll(text);
      break;
    case 1:
      decodeError(text);
      break;
    case 2:
      runClient(text, AuthMethod::ClientSecretBasic);
      break;
    default:
      runClient(text, AuthMethod::AccessToken);
      break;
  }
  return 0;
}
