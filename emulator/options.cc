#include "emulator/options.h"

#include <functional>
#include <map>

#include "emulator/ids.h"

namespace emulator {
namespace {

bool parseInt(const std::string& text, int64_t min, int64_t max, int64_t& out) {
  if (text.empty() || text.size() > 18) return false;
  size_t i = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  out = std::stoll(text);
  return out >= min && out <= max;
}

bool parseRate(const std::string& text, double& out) {
  try {
    size_t used = 0;
    out = std::stod(text, &used);
    return used == text.size() && out >= 0 && out <= 1;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

std::string usage() {
  return R"(usage: pingone-emulator [options]
  --port N                    listen on 127.0.0.1:N (0, the default, picks a free port)
  --state FILE                load the store from FILE and save it after every write
  --env-id ID                 environment id (lowercase UUID; default: generated)
  --client-id ID              the worker application's id (default: generated)
  --client-secret S           the worker's secret (default: generated)
  --client-jwks FILE          the worker's public key(s) for private_key_jwt and jwt-bearer:
                              a JWK, a JWK set or a PEM public key
  --signing-key FILE          sign access tokens with this RSA private key (PEM); default: a
                              new 2048-bit key, which takes 0.1 to 0.5 s to make
  --page-size N               the largest page a list returns (default 3)
  --token-lifetime SECONDS    access token lifetime (default 3600)
  --seed N                    seed of the fault PRNG (default 1)
  --latency-ms N              added latency per request
  --jitter-ms N               up to N more ms, drawn per request
  --rate-429 R                share (0..1) of requests answered 429 REQUEST_LIMITED
  --retry-after SECONDS       the 429's Retry-After (default 1)
  --rate-503 R                share answered 503
  --rate-500 R                share answered 500 UNEXPECTED_ERROR
  --drop-after-commit N       the next N writes commit, then the connection closes unanswered
  --not-found-after-create N  the first N GETs by id of each new object answer 404
)";
}

std::optional<Options> parseOptions(const std::vector<std::string>& args, std::string& error) {
  Options options;
  auto integer = [&](int64_t min, int64_t max, auto setter) {
    return [min, max, setter](const std::string& v) {
      int64_t n = 0;
      if (!parseInt(v, min, max, n)) return false;
      setter(n);
      return true;
    };
  };
  auto rate = [](double& target) {
    return [&target](const std::string& v) { return parseRate(v, target); };
  };
  auto text = [](std::string& target) {
    return [&target](const std::string& v) {
      target = v;
      return !v.empty();
    };
  };
  auto uuid = [](std::string& target) {
    return [&target](const std::string& v) {
      target = v;
      return isUuid(v);
    };
  };
  FaultSettings& f = options.faults;
  const std::map<std::string, std::function<bool(const std::string&)>> flags = {
      {"--port", integer(0, 65535, [&](int64_t n) { options.port = static_cast<int>(n); })},
      {"--state", text(options.statePath)},
      {"--env-id", uuid(options.environmentId)},
      {"--client-id", uuid(options.clientId)},
      {"--client-secret", text(options.clientSecret)},
      {"--client-jwks", text(options.clientJwksPath)},
      {"--signing-key", text(options.signingKeyPath)},
      {"--page-size", integer(1, 1000000, [&](int64_t n) { f.pageSize = n; })},
      {"--token-lifetime", integer(1, 86400 * 365, [&](int64_t n) { f.tokenLifetimeSeconds = n; })},
      {"--seed",
       integer(0, INT64_MAX, [&](int64_t n) { options.seed = static_cast<uint64_t>(n); })},
      {"--latency-ms", integer(0, 600000, [&](int64_t n) { f.latencyMs = n; })},
      {"--jitter-ms", integer(0, 600000, [&](int64_t n) { f.jitterMs = n; })},
      {"--rate-429", rate(f.rate429)},
      {"--retry-after", integer(0, 86400, [&](int64_t n) { f.retryAfterSeconds = n; })},
      {"--rate-503", rate(f.rate503)},
      {"--rate-500", rate(f.rate500)},
      {"--drop-after-commit", integer(0, INT64_MAX, [&](int64_t n) { f.dropAfterCommit = n; })},
      {"--not-found-after-create",
       integer(0, INT64_MAX, [&](int64_t n) { f.notFoundAfterCreate = n; })},
  };
  for (size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    std::string value;
    bool inlineValue = false;
    if (name == "--help" || name == "-h") {
      options.help = true;
      continue;
    }
    if (auto eq = name.find('='); eq != std::string::npos && name.rfind("--", 0) == 0) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inlineValue = true;
    }
    auto flag = flags.find(name);
    if (flag == flags.end()) {
      error = "unknown option " + name + " (see --help)";
      return std::nullopt;
    }
    if (!inlineValue) {
      if (i + 1 >= args.size()) {
        error = name + " needs a value";
        return std::nullopt;
      }
      value = args[++i];
    }
    if (!flag->second(value)) {
      error = "invalid value for " + name + ": '" + value + "'";
      return std::nullopt;
    }
  }
  if (f.rate429 + f.rate503 + f.rate500 > 1) {
    error = "--rate-429 + --rate-503 + --rate-500 must not exceed 1";
    return std::nullopt;
  }
  return options;
}

}  // namespace emulator
