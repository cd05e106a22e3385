// Tokens: what each method sends, caching, renewal before expiry and after a 401, and the
// error a refused token request gives. On a scripted transport and a fake clock.

#include "pingone/token_source.h"

#include <gtest/gtest.h>

#include "fakes.h"
#include "pingone/base64.h"
#include "pingone/client.h"
#include "pingone/reader.h"
#include "support/scratch_dir.h"

namespace pingplan::pingone {
namespace {

using testing::FakeClock;
using testing::FakeTransport;

const std::string kSecret = "top-secret-value";

struct Tokens : testing::WatchedTest {
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();

  std::shared_ptr<Connection> connection(AuthMethod method) {
    auto c = std::make_shared<Connection>();
    c->apiBaseUrl = "https://api.pingone.com";
    c->authBaseUrl = "https://auth.pingone.com";
    c->workerEnvironmentId = "worker-env";
    c->environmentId = "target-env";
    c->method = method;
    c->clientId = "client-1";
    c->clientSecret = kSecret;
    watch.secret(kSecret);
    return c;
  }
  std::unique_ptr<TokenSource> source(std::shared_ptr<Connection> c) {
    auto sender = std::make_shared<const Sender>(
        transport, clock, watch.sink(), RetryPolicy([] { return std::chrono::milliseconds(0); }));
    return makeTokenSource(std::move(c), std::move(sender));
  }
  void tokenAnswer(const std::string& token, int expiresIn = 3600) {
    watch.secret(token);
    transport->answer(
        200,
        Json{{"access_token", token}, {"token_type", "Bearer"}, {"expires_in", expiresIn}}.dump());
  }
  std::string header(const HttpRequest& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  }
};

TEST_F(Tokens, ClientSecretBasicSendsTheCredentialsInTheHeader) {
  tokenAnswer("tok-A");
  auto tokens = source(connection(AuthMethod::ClientSecretBasic));
  auto token = tokens->token();
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(*token, "tok-A");
  auto sent = transport->requests().at(0);
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.url, "https://auth.pingone.com/worker-env/as/token");
  EXPECT_EQ(sent.body, "grant_type=client_credentials");
  EXPECT_EQ(header(sent, "Authorization"), "Basic " + base64Encode("client-1:" + kSecret));
  EXPECT_EQ(header(sent, "Content-Type"), "application/x-www-form-urlencoded");
}

TEST_F(Tokens, ClientSecretPostSendsTheCredentialsInTheBody) {
  tokenAnswer("tok-A");
  ASSERT_TRUE(source(connection(AuthMethod::ClientSecretPost))->token().ok());
  auto sent = transport->requests().at(0);
  EXPECT_EQ(sent.body, "grant_type=client_credentials&client_id=client-1&client_secret=" + kSecret);
  EXPECT_EQ(header(sent, "Authorization"), "");
}

struct JwtTokens : Tokens {
  pingplan::testing::ScratchDir dir;
  std::shared_ptr<Connection> jwtConnection(AuthMethod method) {
    EXPECT_EQ(dir.run("jose jwk gen -i '{\"alg\":\"RS256\"}' -o key.jwk"), 0);
    auto c = connection(method);
    c->key = *loadRsaKey(dir.read("key.jwk"));
    c->keyId = "kid-7";
    return c;
  }
  static std::map<std::string, std::string> form(const std::string& body) {
    std::map<std::string, std::string> out;
    std::size_t pos = 0;
    while (pos < body.size()) {
      auto amp = body.find('&', pos);
      std::string pair = body.substr(pos, amp == std::string::npos ? amp : amp - pos);
      auto eq = pair.find('=');
      out[pair.substr(0, eq)] = pair.substr(eq + 1);
      if (amp == std::string::npos) break;
      pos = amp + 1;
    }
    return out;
  }
};

TEST_F(JwtTokens, PrivateKeyJwtSendsASignedClientAssertion) {
  tokenAnswer("tok-J");
  auto c = jwtConnection(AuthMethod::PrivateKeyJwt);
  ASSERT_TRUE(source(c)->token().ok());
  auto fields = form(transport->requests().at(0).body);
  EXPECT_EQ(fields["grant_type"], "client_credentials");
  EXPECT_EQ(fields["client_assertion_type"],
            "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer");
  EXPECT_TRUE(verifyJwt(*c->key, fields["client_assertion"]));
  EXPECT_EQ(header(transport->requests().at(0), "Authorization"), "");
  watch.secret(fields["client_assertion"]);
}

TEST_F(JwtTokens, JwtBearerSendsTheAssertionAsTheGrant) {
  tokenAnswer("tok-J");
  auto c = jwtConnection(AuthMethod::JwtBearer);
  ASSERT_TRUE(source(c)->token().ok());
  auto fields = form(transport->requests().at(0).body);
  EXPECT_EQ(fields["grant_type"], "urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer");
  EXPECT_EQ(fields["client_id"], "client-1");
  EXPECT_TRUE(verifyJwt(*c->key, fields["assertion"]));
  EXPECT_EQ(fields.count("client_assertion"), 0u);
}

TEST_F(Tokens, CachesTheTokenAndRenewsItBeforeItExpires) {
  tokenAnswer("tok-A", 3600);
  tokenAnswer("tok-B", 3600);
  auto tokens = source(connection(AuthMethod::ClientSecretBasic));
  EXPECT_EQ(*tokens->token(), "tok-A");
  clock->advance(std::chrono::seconds(3539));
  EXPECT_EQ(*tokens->token(), "tok-A");
  EXPECT_EQ(transport->requests().size(), 1u);
  clock->advance(std::chrono::seconds(1));  // 60 s before expiry
  EXPECT_EQ(*tokens->token(), "tok-B");
  EXPECT_EQ(transport->requests().size(), 2u);
}

TEST_F(Tokens, AShortLivedTokenIsRenewedHalfwayThrough) {
  tokenAnswer("tok-A", 10);
  tokenAnswer("tok-B", 10);
  auto tokens = source(connection(AuthMethod::ClientSecretBasic));
  EXPECT_EQ(*tokens->token(), "tok-A");
  clock->advance(std::chrono::seconds(4));
  EXPECT_EQ(*tokens->token(), "tok-A");
  clock->advance(std::chrono::seconds(1));
  EXPECT_EQ(*tokens->token(), "tok-B");
}

TEST_F(Tokens, ARefusedTokenRequestSaysWhichMethodWhereAndWhat) {
  transport->answer(
      401, R"({"error":"invalid_client","error_description":"Invalid client credentials."})");
  auto token = source(connection(AuthMethod::ClientSecretBasic))->token();
  ASSERT_FALSE(token.ok());
  watch.add(token.error().message);
  EXPECT_EQ(token.error().kind, ApiError::Kind::Auth);
  EXPECT_EQ(token.error().code, "invalid_client");
  EXPECT_EQ(
      token.error().message,
      "token request (client_secret_basic, POST https://auth.pingone.com/worker-env/as/token) "
      "was refused: 401 invalid_client: Invalid client credentials; check PINGONE_CLIENT_ID "
      "and PINGONE_CLIENT_SECRET, and that the worker application's token endpoint auth "
      "method is CLIENT_SECRET_BASIC (else set PINGONE_TOKEN_AUTH_METHOD to match)");
}

TEST_F(Tokens, TheTokenEndpointIsRetriedLikeTheApi) {
  transport->answer(503, "", {{"retry-after", "4"}});
  tokenAnswer("tok-A");
  auto token = source(connection(AuthMethod::ClientSecretBasic))->token();
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(clock->sleeps(), (std::vector<std::chrono::milliseconds>{std::chrono::seconds(4)}));
}

TEST_F(Tokens, AnUnreachableTokenEndpointIsTriedInOneRoundForAllReaders) {
  for (int i = 0; i < 20; ++i) {
    transport->then([](const HttpRequest&) -> HttpResult {
      return fail(TransportError{TransportError::Kind::NotSent, "Couldn't resolve host name"});
    });
  }
  auto api =
      makeClient(connection(AuthMethod::ClientSecretBasic), ClientOptions{8, watch.sink(), clock},
                 transport, RetryPolicy([] { return std::chrono::milliseconds(0); }));
  // Resources and applications are read in parallel: both wait for the one token request.
  auto live = readLiveState(*api, 8);
  ASSERT_FALSE(live.ok());
  watch.add(live.error().message);
  EXPECT_EQ(live.error().kind, ApiError::Kind::Network);
  EXPECT_EQ(live.error().message,
            "token request (client_secret_basic) failed: POST "
            "https://auth.pingone.com/worker-env/as/token -> could not reach auth.pingone.com "
            "(Couldn't resolve host name) after 3 attempts; check PINGONE_AUTH_SERVICE_HOSTNAME, "
            "PINGONE_API_SERVICE_HOSTNAME, PINGONE_REGION_CODE and the network");
  EXPECT_EQ(transport->requests().size(), 3u);
  // A later call does not start another round either.
  EXPECT_FALSE(api->list(Collection::Resources, "").ok());
  EXPECT_EQ(transport->requests().size(), 3u);
}

TEST_F(Tokens, TheApiRenewsTheTokenOnceAfterA401) {
  tokenAnswer("tok-A");
  transport->answer(401, R"({"code":"ACCESS_FAILED","message":"expired"})");
  tokenAnswer("tok-B");
  transport->answer(200, R"({"id":"r1"})");
  auto api =
      makeClient(connection(AuthMethod::ClientSecretBasic), ClientOptions{8, watch.sink(), clock},
                 transport, RetryPolicy([] { return std::chrono::milliseconds(0); }));
  auto got = api->get(Collection::Resources, "", "r1");
  ASSERT_TRUE(got.ok()) << got.error().message;
  auto sent = transport->requests();
  ASSERT_EQ(sent.size(), 4u);
  EXPECT_EQ(header(sent[1], "Authorization"), "Bearer tok-A");
  EXPECT_EQ(header(sent[3], "Authorization"), "Bearer tok-B");
  EXPECT_EQ(sent[3].url, "https://api.pingone.com/v1/environments/target-env/resources/r1");
}

TEST_F(Tokens, ASecond401IsAnError) {
  tokenAnswer("tok-A");
  transport->answer(401, R"({"code":"ACCESS_FAILED","message":"no"})");
  tokenAnswer("tok-B");
  transport->answer(401, R"({"code":"ACCESS_FAILED","message":"still no"})");
  auto api = makeClient(connection(AuthMethod::ClientSecretBasic),
                        ClientOptions{8, watch.sink(), clock}, transport);
  auto got = api->list(Collection::Applications, "");
  ASSERT_FALSE(got.ok());
  watch.add(got.error().message);
  EXPECT_EQ(got.error().status, 401);
  EXPECT_EQ(got.error().message, "GET /applications -> 401 ACCESS_FAILED: still no");
  EXPECT_EQ(transport->requests().size(), 4u);
}

TEST_F(Tokens, AStaticTokenIsUsedAsIsAndNotRenewed) {
  auto c = connection(AuthMethod::AccessToken);
  c->accessToken = "static-token";
  watch.secret("static-token");
  transport->answer(401, R"({"code":"ACCESS_FAILED","message":"expired"})");
  auto api = makeClient(c, ClientOptions{8, watch.sink(), clock}, transport);
  auto got = api->list(Collection::Resources, "");
  ASSERT_FALSE(got.ok());
  ASSERT_EQ(transport->requests().size(), 1u);
  EXPECT_EQ(header(transport->requests()[0], "Authorization"), "Bearer static-token");
  watch.add(got.error().message);
  EXPECT_EQ(got.error().message,
            "GET /resources -> 401 ACCESS_FAILED: expired; PINGONE_API_ACCESS_TOKEN was refused "
            "(expired or invalid): get a new one, or unset it to use client credentials");
}

TEST_F(Tokens, PagingRefusesANextLinkToAnotherHost) {
  tokenAnswer("tok-A");
  transport->answer(200, R"({"_embedded":{"resources":[{"id":"1"}]},
                            "_links":{"next":{"href":"https://evil.example.com/steal"}}})");
  auto api = makeClient(connection(AuthMethod::ClientSecretBasic),
                        ClientOptions{8, watch.sink(), clock}, transport);
  auto got = api->list(Collection::Resources, "");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().kind, ApiError::Kind::Decode);
  EXPECT_EQ(got.error().message, "GET /resources -> _links.next points outside the API");
  EXPECT_EQ(transport->requests().size(), 2u);
}

}  // namespace
}  // namespace pingplan::pingone
