#pragma once
// The HTTP seam of the client: a request, an answer, and what can go wrong in between, as
// plain types. The libcurl transport (curl_transport.h) implements it; nothing else in
// pingplan sees libcurl.

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "util/result.h"

namespace pingplan::pingone {

/// One HTTP request. `idempotent` false (a create) means: never on a reused connection, never
/// re-sent once its bytes may have left.
struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // may hold secrets: never logged
  std::string body;
  bool idempotent = true;
};

/// An answer. Header names are lower-cased; a repeated header keeps its last value.
struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;
  std::string body;
};

/// Why no answer came.
struct TransportError {
  enum class Kind {
    NotSent,   // nothing reached the server (DNS, connect refused, connect timeout)
    NoAnswer,  // the request may have been received, but no complete answer came back
    Fatal,     // retrying cannot help (TLS verification failed, bad URL, protocol refused)
  };
  Kind kind = Kind::NotSent;
  std::string message;  // libcurl's description, no URL, no headers
};

using HttpResult = Result<HttpResponse, TransportError>;

/// Sends requests; thread-safe.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual HttpResult send(const HttpRequest& request) = 0;
};

/// Named limits of the libcurl transport.
inline constexpr long kConnectTimeoutSeconds = 10;
inline constexpr long kRequestTimeoutSeconds = 60;

/// The libcurl transport: connections, DNS and TLS sessions shared across requests and
/// threads; TLS verification always on; proxies from the environment.
std::unique_ptr<Transport> makeCurlTransport();

}  // namespace pingplan::pingone
