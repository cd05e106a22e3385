#pragma once
// Test helpers for the emulator conformance suite: an HTTP client bound to one running
// emulator that fetches a token and sends JSON, plus RS256 client assertions built here with
// OpenSSL (independently of emulator/, so a shared bug cannot hide).

#include <httplib.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/emulator_process.h"

namespace emulator_test {

using json = nlohmann::json;

/// One HTTP answer: status, parsed body (null when empty or not JSON), headers.
struct Reply {
  int status = 0;  // 0: no answer (transport error)
  json body;
  httplib::Headers headers;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

inline Reply toReply(const httplib::Result& result) {
  Reply reply;
  if (!result) return reply;
  reply.status = result->status;
  reply.headers = result->headers;
  reply.body = json::parse(result->body, nullptr, false);
  if (reply.body.is_discarded()) reply.body = nullptr;
  return reply;
}

inline std::string base64Url(const std::string& bytes) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(alphabet[(buffer >> bits) & 63u]);
    }
  }
  if (bits > 0) out.push_back(alphabet[(buffer << (6 - bits)) & 63u]);
  return out;
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
inline std::string urlEncode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out += {'%', hex[u >> 4], hex[u & 15]};
    }
  }
  return out;
}

inline long long now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

/// Part `index` of a compact JWT (0: header, 1: claims), decoded as JSON.
inline json jwtPart(const std::string& token, int index) {
  std::size_t start = 0;
  for (int i = 0; i < index; ++i) start = token.find('.', start) + 1;
  std::string part = token.substr(start, token.find('.', start) - start);
  std::replace(part.begin(), part.end(), '-', '+');
  std::replace(part.begin(), part.end(), '_', '/');
  while (part.size() % 4) part += '=';
  std::string out(part.size(), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(part.data()),
                          static_cast<int>(part.size()));
  out.resize(static_cast<size_t>(n));
  while (!out.empty() && out.back() == '\0') out.pop_back();
  return json::parse(out);
}

/// An RSA key pair made for one test, able to sign RS256 JWTs and export its public half.
class TestKey {
 public:
  TestKey() : key_(EVP_RSA_gen(2048), EVP_PKEY_free) {}

  std::string sign(const json& claims, const std::string& kid = "") const {
    json header = {{"alg", "RS256"}, {"typ", "JWT"}};
    if (!kid.empty()) header["kid"] = kid;
    std::string input = base64Url(header.dump()) + "." + base64Url(claims.dump());
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    size_t length = 0;
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key_.get());
    EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(input.data()),
                   input.size());
    std::string signature(length, '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &length,
                   reinterpret_cast<const unsigned char*>(input.data()), input.size());
    EVP_MD_CTX_free(ctx);
    signature.resize(length);
    return input + "." + base64Url(signature);
  }

  std::string publicPem() const {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, key_.get());
    char* data = nullptr;
    long size = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<size_t>(size));
    BIO_free(bio);
    return pem;
  }

  std::string privatePem() const {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key_.get(), nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    long size = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<size_t>(size));
    BIO_free(bio);
    return pem;
  }

  json publicJwk(const std::string& kid = "") const {
    json jwk = {
        {"kty", "RSA"}, {"n", member(OSSL_PKEY_PARAM_RSA_N)}, {"e", member(OSSL_PKEY_PARAM_RSA_E)}};
    if (!kid.empty()) jwk["kid"] = kid;
    return jwk;
  }

 private:
  std::string member(const char* name) const {
    BIGNUM* bn = nullptr;
    EVP_PKEY_get_bn_param(key_.get(), name, &bn);
    std::string bytes(static_cast<size_t>(BN_num_bytes(bn)), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
    BN_free(bn);
    return base64Url(bytes);
  }
  std::shared_ptr<EVP_PKEY> key_;
};

/// Shared keys (RSA generation is slow on a loaded machine): index 0, 1, ... stay the same
/// for the whole test run.
inline const TestKey& testKey(size_t index) {
  static std::vector<std::unique_ptr<TestKey>> keys;
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  while (keys.size() <= index) keys.push_back(std::make_unique<TestKey>());
  return *keys[index];
}

/// An HTTP client for one emulator, holding a worker token for /v1 calls.
class Api {
 public:
  explicit Api(const pingplan::testing::EmulatorProcess& emulator)
      : emulator_(emulator), client_("127.0.0.1", emulator.port()) {}

  std::string tokenUrl() const {
    return emulator_.baseUrl() + "/" + emulator_.environmentId() + "/as/token";
  }
  std::string tokenPath() const { return "/" + emulator_.environmentId() + "/as/token"; }
  /// Path of an environment collection, e.g. env("/resources").
  std::string env(const std::string& rest = "") const {
    return "/v1/environments/" + emulator_.environmentId() + rest;
  }

  /// POSTs a form to the token endpoint with optional extra headers.
  Reply tokenRequest(const std::string& form, const httplib::Headers& headers = {}) {
    return toReply(
        client_.Post(tokenPath().c_str(), headers, form, "application/x-www-form-urlencoded"));
  }
  /// A client_credentials token for the seeded worker (client_secret_basic); asserts success.
  std::string fetchToken() {
    client_.set_basic_auth(emulator_.clientId().c_str(), emulator_.clientSecret().c_str());
    Reply reply = tokenRequest("grant_type=client_credentials");
    client_.set_basic_auth("", "");
    if (reply.status != 200) throw std::runtime_error("token request failed");
    token_ = reply.body.at("access_token");
    return token_;
  }
  void useToken(const std::string& token) { token_ = token; }

  Reply get(const std::string& path) { return toReply(client_.Get(path.c_str(), auth())); }
  Reply post(const std::string& path, const json& body) {
    return toReply(client_.Post(path.c_str(), auth(), body.dump(), "application/json"));
  }
  Reply put(const std::string& path, const json& body) {
    return toReply(client_.Put(path.c_str(), auth(), body.dump(), "application/json"));
  }
  Reply del(const std::string& path) { return toReply(client_.Delete(path.c_str(), auth())); }
  Reply raw(const std::string& method, const std::string& path, const std::string& body,
            const std::string& contentType) {
    if (method == "PUT") return toReply(client_.Put(path.c_str(), auth(), body, contentType));
    return toReply(client_.Post(path.c_str(), auth(), body, contentType));
  }
  httplib::Client& client() { return client_; }

  /// Creates an object and returns it; fails the test (throws) unless 201.
  json create(const std::string& path, const json& body) {
    Reply reply = post(path, body);
    if (reply.status != 201) {
      throw std::runtime_error("create " + path + " -> " + std::to_string(reply.status) + " " +
                               reply.body.dump());
    }
    return reply.body;
  }
  /// The id of the built-in resource with this name.
  std::string resourceId(const std::string& name) {
    json state = emulator_.control("GET", "/emulator/state");
    for (const auto& r : state.at("resources")) {
      if (r.at("name") == name) return r.at("id");
    }
    throw std::runtime_error("no resource " + name);
  }
  /// The id of a scope of a resource by name.
  std::string scopeId(const std::string& resourceId, const std::string& name) {
    json state = emulator_.control("GET", "/emulator/state");
    for (const auto& s : state.at("scopes")) {
      if (s.at("resource").at("id") == resourceId && s.at("name") == name) return s.at("id");
    }
    throw std::runtime_error("no scope " + name);
  }

 private:
  httplib::Headers auth() const {
    if (token_.empty()) return {};
    return {{"Authorization", "Bearer " + token_}};
  }
  const pingplan::testing::EmulatorProcess& emulator_;
  httplib::Client client_;
  std::string token_;
};

/// A minimal valid worker application body.
inline json workerBody(const std::string& name) {
  return {{"name", name},
          {"enabled", true},
          {"type", "WORKER"},
          {"protocol", "OPENID_CONNECT"},
          {"grantTypes", {"CLIENT_CREDENTIALS"}},
          {"tokenEndpointAuthMethod", "CLIENT_SECRET_BASIC"}};
}

/// A field's P1Error detail code and target, e.g. "UNIQUENESS_VIOLATION name".
inline std::string firstDetail(const Reply& reply) {
  const auto& details = reply.body.at("details");
  return details.at(0).at("code").get<std::string>() + " " +
         details.at(0).at("target").get<std::string>();
}

}  // namespace emulator_test
