#include "pingone/token_source.h"

#include <mutex>
#include <optional>

#include "pingone/base64.h"
#include "pingone/error_format.h"
#include "pingone/form.h"
#include "pingone/url.h"

namespace pingplan::pingone {
namespace {

class StaticTokenSource final : public TokenSource {
 public:
  explicit StaticTokenSource(std::string token) : token_(std::move(token)) {}
  ApiResult<std::string> token() override { return token_; }
  bool invalidate(const std::string&) override { return false; }

 private:
  std::string token_;
};

std::string hint(AuthMethod method) {
  switch (method) {
    case AuthMethod::ClientSecretBasic:
    case AuthMethod::ClientSecretPost:
      return "check PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET, and that the worker "
             "application's token endpoint auth method is " +
             std::string(method == AuthMethod::ClientSecretBasic ? "CLIENT_SECRET_BASIC"
                                                                 : "CLIENT_SECRET_POST") +
             " (else set PINGONE_TOKEN_AUTH_METHOD to match)";
    case AuthMethod::PrivateKeyJwt:
    case AuthMethod::JwtBearer:
      return "check PINGONE_CLIENT_ID, and that the worker application's JWKS holds the public "
             "key of PINGONE_PRIVATE_KEY_FILE (with kid PINGONE_KEY_ID when set)";
    case AuthMethod::AccessToken:
      break;
  }
  return "check the credentials";
}

class EndpointTokenSource final : public TokenSource {
 public:
  EndpointTokenSource(std::shared_ptr<const Connection> connection,
                      std::shared_ptr<const Sender> sender)
      : connection_(std::move(connection)), sender_(std::move(sender)) {}

  ApiResult<std::string> token() override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!token_.empty() && sender_->clock().now() < renewAt_) return token_;
    // A failed fetch already went through the retry policy; callers that waited for it
    // (parallel reads) get its answer instead of starting their own round of attempts.
    if (failure_) return fail(*failure_);
    token_.clear();
    auto fetched = fetch();
    if (!fetched) {
      failure_ = fetched.error();
      return fail(fetched.error());
    }
    return token_;
  }

  bool invalidate(const std::string& rejected) override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (token_ == rejected) token_.clear();
    return true;
  }

 private:
  ApiResult<HttpRequest> request() const {
    const Connection& c = *connection_;
    HttpRequest r;
    r.method = "POST";
    r.url = c.tokenUrl();
    r.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                 {"Accept", "application/json"}};
    std::vector<std::pair<std::string, std::string>> form;
    switch (c.method) {
      case AuthMethod::ClientSecretBasic:
        form = {{"grant_type", "client_credentials"}};
        r.headers.emplace_back(
            "Authorization",
            "Basic " + base64Encode(formEncode(c.clientId) + ":" + formEncode(c.clientSecret)));
        break;
      case AuthMethod::ClientSecretPost:
        form = {{"grant_type", "client_credentials"},
                {"client_id", c.clientId},
                {"client_secret", c.clientSecret}};
        break;
      case AuthMethod::PrivateKeyJwt:
      case AuthMethod::JwtBearer: {
        auto assertion =
            clientAssertion(*c.key, c.keyId, c.clientId, r.url, sender_->clock().now());
        if (!assertion) {
          return fail(
              ApiError{ApiError::Kind::Auth, 0, "",
                       "token request (" + authMethodName(c.method) + "): " + assertion.error()});
        }
        if (c.method == AuthMethod::PrivateKeyJwt) {
          form = {
              {"grant_type", "client_credentials"},
              {"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
              {"client_assertion", *assertion}};
        } else {
          form = {{"grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"},
                  {"assertion", *assertion},
                  {"client_id", c.clientId}};
        }
        break;
      }
      case AuthMethod::AccessToken:
        break;
    }
    r.body = formBody(form);
    return r;
  }

  ApiStatus fetch() {
    const std::string method = authMethodName(connection_->method);
    const std::string where =
        "token request (" + method + ", POST " + redactUrl(connection_->tokenUrl()) + ")";
    auto req = request();
    if (!req) return fail(req.error());
    auto started = sender_->clock().now();
    auto answer = sender_->send(*req);
    if (!answer) {
      // The sender's message starts with the URL already: name only the method here.
      ApiError e = answer.error();
      e.kind = e.kind == ApiError::Kind::Config ? e.kind : ApiError::Kind::Network;
      e.message = "token request (" + method + ") failed: " + e.message;
      return fail(e);
    }
    const HttpResponse& res = *answer;
    if (res.status != 200) {
      ApiError e = httpError("POST", req->url, res);
      e.kind = ApiError::Kind::Auth;
      std::string said = std::to_string(res.status);
      if (!e.code.empty()) said += " " + e.code;
      auto colon = e.message.find(": ", e.message.find(" -> "));
      if (colon != std::string::npos) said += e.message.substr(colon);
      if (!said.empty() && said.back() == '.') said.pop_back();  // no ".;" before the hint
      e.message = where + " was refused: " + said + "; " + hint(connection_->method);
      return fail(e);
    }
    Json body = Json::parse(res.body, nullptr, false);
    auto token = body.is_object() ? body.find("access_token") : body.end();
    if (!body.is_object() || token == body.end() || !token->is_string() ||
        token->get<std::string>().empty()) {
      return fail(ApiError{ApiError::Kind::Auth, res.status, "",
                           where + " answered without an access_token"});
    }
    std::int64_t lifetime = 3600;
    auto expires = body.find("expires_in");
    if (expires != body.end() && expires->is_number_integer()) {
      lifetime = expires->get<std::int64_t>();
    }
    auto margin = std::min<std::int64_t>(kTokenRenewMargin.count(), lifetime / 2);
    renewAt_ = started + std::chrono::seconds(lifetime - margin);
    token_ = token->get<std::string>();
    return Ok{};
  }

  std::shared_ptr<const Connection> connection_;
  std::shared_ptr<const Sender> sender_;
  std::mutex mutex_;
  std::string token_;
  std::optional<ApiError> failure_;  // the first failed fetch: credentials do not change
  Clock::TimePoint renewAt_{};
};

}  // namespace

std::unique_ptr<TokenSource> makeTokenSource(std::shared_ptr<const Connection> connection,
                                             std::shared_ptr<const Sender> sender) {
  if (connection->method == AuthMethod::AccessToken) {
    return std::make_unique<StaticTokenSource>(connection->accessToken);
  }
  return std::make_unique<EndpointTokenSource>(std::move(connection), std::move(sender));
}

}  // namespace pingplan::pingone
