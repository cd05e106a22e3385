#include "pingone/client.h"

#include "pingone/error_format.h"
#include "pingone/sender.h"
#include "pingone/token_source.h"

namespace pingplan::pingone {
namespace {

/// The API's list pages are followed at most this often, in case a server loops.
constexpr int kMaxPages = 10000;

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// `message` with `next` appended after "; ", without a full stop in between.
std::string withHint(std::string message, const std::string& next) {
  if (!message.empty() && message.back() == '.') message.pop_back();
  return message + "; " + next;
}

/// An error answer of the API, with the next step for the refusals a user can act on.
ApiError apiError(const std::string& method, const std::string& url, const HttpResponse& res,
                  AuthMethod auth) {
  ApiError e = httpError(method, url, res);
  if (res.status == 401 && auth == AuthMethod::AccessToken) {
    e.message = withHint(e.message,
                         "PINGONE_API_ACCESS_TOKEN was refused (expired or invalid): get a new "
                         "one, or unset it to use client credentials");
  } else if (res.status == 403 && e.code == "ACCESS_FAILED" && !endsWith(url, "/secret")) {
    // (A worker reading its own secret is refused for that reason alone.)
    e.message = withHint(e.message,
                         "check the environment id (manifest `environment:` or "
                         "PINGONE_ENVIRONMENT_ID) and that the worker application has the Client "
                         "Application Developer (or Environment Admin) role on that environment");
  }
  return e;
}

ApiError decodeError(const std::string& method, const std::string& url, const std::string& why) {
  return ApiError{ApiError::Kind::Decode, 0, "", describeRequest(method, url) + " -> " + why};
}

class Client final : public Api {
 public:
  Client(std::shared_ptr<const Connection> connection, std::shared_ptr<const Sender> sender)
      : connection_(std::move(connection)),
        sender_(std::move(sender)),
        tokens_(makeTokenSource(connection_, sender_)),
        base_(connection_->environmentUrl()) {}

  const std::string& environmentId() const override { return connection_->environmentId; }

  ApiResult<std::vector<Json>> list(Collection c, const std::string& parentId) override {
    std::vector<Json> items;
    std::string url = base_ + collectionPath(c, parentId);
    const std::string member = embeddedName(c);
    for (int page = 0; page < kMaxPages; ++page) {
      auto body = call("GET", url, nullptr);
      if (!body) return fail(body.error());
      const Json& j = *body;
      if (!j.is_object()) return fail(decodeError("GET", url, "the answer is not an object"));
      auto embedded = j.find("_embedded");
      if (embedded != j.end() && embedded->is_object()) {
        auto list = embedded->find(member);
        if (list != embedded->end() && list->is_array()) {
          for (const auto& item : *list) items.push_back(item);
        }
      }
      auto next = j.find("_links");
      if (next == j.end() || !next->is_object() || !next->contains("next")) return items;
      const Json& link = (*next)["next"];
      if (!link.is_object() || !link.contains("href") || !link["href"].is_string()) {
        return fail(decodeError("GET", url, "_links.next has no href"));
      }
      std::string href = link["href"].get<std::string>();
      if (href.rfind('/', 0) == 0) href = connection_->apiBaseUrl + href;
      // The token goes only where the API is.
      if (href.rfind(connection_->apiBaseUrl + "/", 0) != 0) {
        return fail(decodeError("GET", url, "_links.next points outside the API"));
      }
      url = href;
    }
    return fail(decodeError("GET", url, "more than 10000 pages"));
  }

  ApiResult<Json> get(Collection c, const std::string& parentId, const std::string& id) override {
    return call("GET", itemUrl(c, parentId, id), nullptr);
  }

  ApiResult<Json> create(Collection c, const std::string& parentId, const Json& body) override {
    return call("POST", base_ + collectionPath(c, parentId), body);
  }

  ApiResult<Json> replace(Collection c, const std::string& parentId, const std::string& id,
                          const Json& body) override {
    return call("PUT", itemUrl(c, parentId, id), body);
  }

  ApiStatus remove(Collection c, const std::string& parentId, const std::string& id) override {
    auto done = call("DELETE", itemUrl(c, parentId, id), nullptr);
    if (!done) return fail(done.error());
    return Ok{};
  }

  ApiResult<std::string> readSecret(const std::string& applicationId) override {
    std::string url = base_ + "/applications/" + applicationId + "/secret";
    auto body = call("GET", url, nullptr);
    if (!body) return fail(body.error());
    auto secret = body->is_object() ? body->find("secret") : body->end();
    if (!body->is_object() || secret == body->end() || !secret->is_string()) {
      return fail(decodeError("GET", url, "no secret in the answer"));
    }
    return secret->get<std::string>();
  }

 private:
  std::string itemUrl(Collection c, const std::string& parentId, const std::string& id) const {
    return base_ + collectionPath(c, parentId) + "/" + id;
  }

  /// One API call: token, send (with retries), one renewal after a 401, errors mapped.
  ApiResult<Json> call(const std::string& method, const std::string& url, const Json& body) {
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.idempotent = method != "POST";
    request.headers = {{"Accept", "application/json"}};
    if (method == "POST" || method == "PUT") {
      request.headers.emplace_back("Content-Type", "application/json");
      request.body = body.dump();
    }
    for (int round = 0;; ++round) {
      auto token = tokens_->token();
      if (!token) return fail(token.error());
      HttpRequest authorised = request;
      authorised.headers.emplace_back("Authorization", "Bearer " + *token);
      auto answer = sender_->send(authorised);
      if (!answer) return fail(answer.error());
      const HttpResponse& res = *answer;
      if (res.status == 401 && round == 0 && tokens_->invalidate(*token)) continue;
      if (res.status >= 400 || res.status < 200) {
        return fail(apiError(method, url, res, connection_->method));
      }
      if (res.body.empty()) return Json();
      Json j = Json::parse(res.body, nullptr, false);
      if (j.is_discarded()) return fail(decodeError(method, url, "the answer is not JSON"));
      return j;
    }
  }

  std::shared_ptr<const Connection> connection_;
  std::shared_ptr<const Sender> sender_;
  std::unique_ptr<TokenSource> tokens_;
  std::string base_;
};

}  // namespace

std::string collectionPath(Collection c, const std::string& parentId) {
  switch (c) {
    case Collection::Resources:
      return "/resources";
    case Collection::Attributes:
      return "/resources/" + parentId + "/attributes";
    case Collection::Scopes:
      return "/resources/" + parentId + "/scopes";
    case Collection::Applications:
      return "/applications";
    case Collection::Grants:
      return "/applications/" + parentId + "/grants";
  }
  return "/";
}

std::string embeddedName(Collection c) {
  switch (c) {
    case Collection::Resources:
      return "resources";
    case Collection::Attributes:
      return "attributes";
    case Collection::Scopes:
      return "scopes";
    case Collection::Applications:
      return "applications";
    case Collection::Grants:
      return "grants";
  }
  return "";
}

std::unique_ptr<Api> makeClient(std::shared_ptr<const Connection> connection,
                                const ClientOptions& options, std::shared_ptr<Transport> transport,
                                RetryPolicy policy) {
  auto clock = options.clock ? options.clock : systemClock();
  auto sender = std::make_shared<const Sender>(std::move(transport), std::move(clock), options.log,
                                               std::move(policy));
  return std::make_unique<Client>(std::move(connection), std::move(sender));
}

std::unique_ptr<Api> connect(std::shared_ptr<const Connection> connection,
                             const ClientOptions& options) {
  return makeClient(std::move(connection), options,
                    std::shared_ptr<Transport>(makeCurlTransport()));
}

}  // namespace pingplan::pingone
