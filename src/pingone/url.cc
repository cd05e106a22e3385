#include "pingone/url.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace pingplan::pingone {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// scheme, authority (host[:port]) and the rest of a URL.
struct UrlParts {
  std::string scheme;
  std::string authority;
  std::string rest;
};

std::optional<UrlParts> split(const std::string& url) {
  auto sep = url.find("://");
  if (sep == std::string::npos) return std::nullopt;
  UrlParts parts;
  parts.scheme = lower(url.substr(0, sep));
  auto start = sep + 3;
  auto end = url.find_first_of("/?#", start);
  parts.authority = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (end != std::string::npos) parts.rest = url.substr(end);
  return parts;
}

/// The host of an authority, without user info, port or IPv6 brackets kept as "[::1]".
std::string hostOf(std::string authority) {
  auto at = authority.rfind('@');
  if (at != std::string::npos) authority = authority.substr(at + 1);
  if (!authority.empty() && authority.front() == '[') {
    auto close = authority.find(']');
    return lower(authority.substr(0, close == std::string::npos ? close : close + 1));
  }
  return lower(authority.substr(0, authority.find(':')));
}

bool validHostName(const std::string& host) {
  if (host.empty()) return false;
  return std::all_of(host.begin(), host.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '-' || c == '[' || c == ']' || c == ':';
  });
}

bool isSecretParameter(const std::string& name) {
  static const std::array<std::string, 5> kWords = {"token", "secret", "assertion", "password",
                                                    "code"};
  std::string n = lower(name);
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](const std::string& w) { return n.find(w) != std::string::npos; });
}

}  // namespace

std::optional<std::string> regionDomain(const std::string& regionCode) {
  static const std::array<std::pair<const char*, const char*>, 6> kRegions = {{
      {"na", "com"},
      {"eu", "eu"},
      {"ap", "asia"},
      {"ca", "ca"},
      {"au", "com.au"},
      {"sg", "sg"},
  }};
  std::string code = lower(regionCode);
  for (const auto& [name, tld] : kRegions) {
    if (code == name) return std::string(tld);
  }
  return std::nullopt;
}

bool isLoopbackHost(const std::string& host) {
  std::string h = lower(host);
  if (h == "localhost" || h == "[::1]" || h == "::1") return true;
  if (h.rfind("127.", 0) != 0) return false;
  int dots = 0;
  for (char c : h) {
    if (c == '.') {
      ++dots;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return dots == 3;
}

Result<std::string, std::string> serviceBaseUrl(const std::string& value) {
  if (value.empty()) return fail(std::string("it is empty"));
  if (value.find("://") == std::string::npos) {
    if (!validHostName(value) || value.find('/') != std::string::npos) {
      return fail("\"" + value + "\" is not a host name");
    }
    return "https://" + value;
  }
  auto parts = split(value);
  if (!parts || parts->authority.empty()) return fail("\"" + value + "\" is not a URL");
  if (parts->authority.find('@') != std::string::npos) {
    return fail(std::string("it must not contain credentials"));
  }
  std::string rest = parts->rest;
  if (rest == "/") rest.clear();
  if (!rest.empty()) {
    return fail("\"" + value + "\" has a path; give the host only, pingplan appends the path");
  }
  std::string host = hostOf(parts->authority);
  if (parts->scheme == "https") return "https://" + parts->authority;
  if (parts->scheme == "http") {
    if (!isLoopbackHost(host)) {
      return fail("plain http is allowed for loopback only (127.0.0.1, localhost, [::1]), not " +
                  host + "; use https");
    }
    return "http://" + parts->authority;
  }
  return fail("scheme " + parts->scheme + " is not supported; use https");
}

bool urlAllowed(const std::string& url) {
  auto parts = split(url);
  if (!parts) return false;
  if (parts->scheme == "https") return true;
  return parts->scheme == "http" && isLoopbackHost(hostOf(parts->authority));
}

std::string hostOfUrl(const std::string& url) {
  auto parts = split(url);
  if (!parts) return "";
  std::string authority = parts->authority;
  auto at = authority.rfind('@');
  if (at != std::string::npos) authority = authority.substr(at + 1);
  return authority;
}

std::string redactUrl(const std::string& url) {
  auto parts = split(url);
  if (!parts) return url;
  std::string authority = parts->authority;
  auto at = authority.rfind('@');
  if (at != std::string::npos) authority = authority.substr(at + 1);
  std::string rest = parts->rest;
  auto fragment = rest.find('#');
  if (fragment != std::string::npos) rest.erase(fragment);
  auto query = rest.find('?');
  if (query != std::string::npos) {
    std::string out = rest.substr(0, query + 1);
    std::string q = rest.substr(query + 1);
    std::size_t pos = 0;
    while (pos <= q.size()) {
      auto amp = q.find('&', pos);
      std::string pair = q.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
      auto eq = pair.find('=');
      if (eq != std::string::npos && isSecretParameter(pair.substr(0, eq))) {
        pair = pair.substr(0, eq + 1) + "REDACTED";
      }
      out += pair;
      if (amp == std::string::npos) break;
      out += '&';
      pos = amp + 1;
    }
    rest = out;
  }
  return parts->scheme + "://" + authority + rest;
}

}  // namespace pingplan::pingone
