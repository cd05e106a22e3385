#pragma once
// DirectApi: talks to the emulator's PingOne API without pingplan, to make drift and
// unmanaged objects the way another admin would: client-credentials token, then JSON calls.

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "support/emulator_process.h"

namespace pingplan::testing {

class DirectApi {
 public:
  explicit DirectApi(const EmulatorProcess& emulator)
      : client_("127.0.0.1", emulator.port()),
        port_(emulator.port()),
        env_(emulator.environmentId()) {
    httplib::Client auth("127.0.0.1", port_);
    auth.set_basic_auth(emulator.clientId(), emulator.clientSecret());
    auto res = auth.Post("/" + env_ + "/as/token", "grant_type=client_credentials",
                         "application/x-www-form-urlencoded");
    if (!res || res->status != 200) throw std::runtime_error("no token from the emulator");
    token_ = nlohmann::json::parse(res->body).at("access_token");
    client_.set_bearer_token_auth(token_);
  }

  /// GET /v1/environments/{env}/PATH -> the list's _embedded.NAME, every page.
  nlohmann::json list(const std::string& path, const std::string& name) {
    nlohmann::json items = nlohmann::json::array();
    std::string url = base() + path;
    while (!url.empty()) {
      auto res = client_.Get(url);
      check(res, "GET " + path);
      auto body = nlohmann::json::parse(res->body);
      for (auto& item : body["_embedded"][name]) items.push_back(item);
      // Follow _links.next (an absolute URL) to the end.
      url.clear();
      if (body["_links"].contains("next")) {
        std::string next = body["_links"]["next"]["href"];
        url = next.substr(next.find("/v1/"));
      }
    }
    return items;
  }
  /// The listed object with this name; throws when there is none.
  nlohmann::json named(const std::string& path, const std::string& collection,
                       const std::string& name) {
    for (auto& item : list(path, collection)) {
      if (item.value("name", "") == name) return item;
    }
    throw std::runtime_error("no " + name + " in " + path);
  }
  int countNamed(const std::string& path, const std::string& collection, const std::string& name) {
    int n = 0;
    for (auto& item : list(path, collection)) n += item.value("name", "") == name ? 1 : 0;
    return n;
  }
  nlohmann::json post(const std::string& path, const nlohmann::json& body) {
    auto res = client_.Post(base() + path, body.dump(), "application/json");
    check(res, "POST " + path);
    return nlohmann::json::parse(res->body);
  }
  /// POSTs a new object and returns its id.
  std::string create(const std::string& path, const nlohmann::json& body) {
    return post(path, body).at("id");
  }
  nlohmann::json put(const std::string& path, nlohmann::json body) {
    for (auto key : {"_links", "createdAt", "updatedAt", "environment"}) body.erase(key);
    auto res = client_.Put(base() + path, body.dump(), "application/json");
    check(res, "PUT " + path);
    return nlohmann::json::parse(res->body);
  }
  /// Whether client credentials work at the token endpoint.
  bool tokenWorks(const std::string& clientId, const std::string& secret) {
    return !tokenFor(clientId, secret).empty();
  }
  /// An access token by client credentials (with `scope`, when given), or "" when refused.
  std::string tokenFor(const std::string& clientId, const std::string& secret,
                       const std::string& scope = "") {
    httplib::Client c("127.0.0.1", port_);
    c.set_basic_auth(clientId, secret);
    httplib::Params form = {{"grant_type", "client_credentials"}};
    if (!scope.empty()) form.emplace("scope", scope);
    auto res = c.Post("/" + env_ + "/as/token", form);
    if (!res || res->status != 200) return "";
    return nlohmann::json::parse(res->body).at("access_token");
  }
  /// The environment's signing keys, GET /{envId}/as/jwks.
  std::string jwks() {
    auto res = client_.Get("/" + env_ + "/as/jwks");
    check(res, "GET /as/jwks");
    return res->body;
  }
  const std::string& token() const { return token_; }

 private:
  std::string base() const { return "/v1/environments/" + env_; }
  static void check(const httplib::Result& res, const std::string& what) {
    if (!res) throw std::runtime_error(what + ": no answer");
    if (res->status >= 300) {
      throw std::runtime_error(what + " -> " + std::to_string(res->status) + ": " + res->body);
    }
  }

  httplib::Client client_;
  int port_;
  std::string env_;
  std::string token_;
};

}  // namespace pingplan::testing
