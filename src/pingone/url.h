#pragma once
// URLs of PingOne: regions, host overrides, the loopback rule for plain http, and the redacted
// form of a URL that logs and errors show.

#include <optional>
#include <string>

#include "util/result.h"

namespace pingplan::pingone {

/// The top-level domain of a region code (NA -> com, EU -> eu, AP -> asia, CA -> ca,
/// AU -> com.au, SG -> sg), case-insensitive; nullopt for an unknown code.
std::optional<std::string> regionDomain(const std::string& regionCode);

/// True for 127.0.0.0/8, localhost and [::1] (host without port).
bool isLoopbackHost(const std::string& host);

/// A service host override as PINGONE_*_SERVICE_HOSTNAME gives it -> a base URL without a
/// trailing slash: "api.example.com" -> "https://api.example.com"; "https://h[:port]" kept;
/// "http://127.0.0.1:PORT" accepted for loopback only. No path, query or credentials. The
/// error is a sentence without the variable's name.
Result<std::string, std::string> serviceBaseUrl(const std::string& value);

/// Whether a URL may be used at all: https anywhere, http only to loopback.
bool urlAllowed(const std::string& url);

/// The host[:port] of a URL, without user info ("" when it is not a URL).
std::string hostOfUrl(const std::string& url);

/// The URL without user info, and with the values of secret-looking query parameters
/// (token, secret, assertion, password, code) replaced by "REDACTED".
std::string redactUrl(const std::string& url);

}  // namespace pingplan::pingone
