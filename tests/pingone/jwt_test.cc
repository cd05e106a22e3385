// RS256 signing with OpenSSL: keys in PEM and in JWK (as `jose jwk gen` writes them), client
// assertions, and verification by an independent tool (`jose jws ver`).

#include "pingone/jwt.h"

#include <gtest/gtest.h>

#include "pingone/base64.h"
#include "support/scratch_dir.h"

namespace pingplan::pingone {
namespace {

using pingplan::testing::ScratchDir;

Json part(const std::string& jwt, int index) {
  std::size_t start = 0;
  for (int i = 0; i < index; ++i) start = jwt.find('.', start) + 1;
  auto end = jwt.find('.', start);
  return Json::parse(*base64UrlDecode(jwt.substr(start, end - start)));
}

struct Jwt : ::testing::Test {
  ScratchDir dir;
  std::shared_ptr<const RsaKey> joseKey() {
    EXPECT_EQ(dir.run("jose jwk gen -i '{\"alg\":\"RS256\"}' -o key.jwk"), 0);
    auto key = loadRsaKey(dir.read("key.jwk"));
    EXPECT_TRUE(key.ok()) << key.error();
    return key.ok() ? *key : nullptr;
  }
  std::shared_ptr<const RsaKey> pemKey() {
    EXPECT_EQ(dir.run("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem "
                      "2>/dev/null"),
              0);
    auto key = loadRsaKey(dir.read("key.pem"));
    EXPECT_TRUE(key.ok()) << key.error();
    return key.ok() ? *key : nullptr;
  }
  /// `jose jws ver` of `jwt` against the public JWK `pub`; its exit status.
  int joseVerify(const std::string& jwt, const Json& pub) {
    dir.write("token.jws", jwt);
    dir.write("pub.jwk", pub.dump());
    return dir.run("jose jws ver -i token.jws -k pub.jwk");
  }
};

TEST(Base64, EncodesAndDecodesBothAlphabets) {
  EXPECT_EQ(base64Encode("id:secret"), "aWQ6c2VjcmV0");
  EXPECT_EQ(base64Encode("ab"), "YWI=");
  EXPECT_EQ(base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(base64UrlDecode("-_8"), "\xfb\xff");
  EXPECT_EQ(base64UrlDecode("+/8="), "\xfb\xff");
  EXPECT_EQ(base64UrlDecode("a!b"), std::nullopt);
}

TEST_F(Jwt, AcceptsAKeyMadeByJoseAndSignsWhatJoseVerifies) {
  auto key = joseKey();
  ASSERT_TRUE(key);
  auto jwt = signJwt(*key, Json::object(), {{"sub", "x"}});
  ASSERT_TRUE(jwt.ok()) << jwt.error();
  EXPECT_TRUE(verifyJwt(*key, *jwt));
  // jose derives the public key from the very file we loaded.
  ASSERT_EQ(dir.run("jose jwk pub -i key.jwk -o pub.jwk"), 0);
  EXPECT_EQ(joseVerify(*jwt, Json::parse(dir.read("pub.jwk"))), 0);
}

TEST_F(Jwt, SignsWithAPemKeyAndPublishesAJwkJoseVerifiesWith) {
  auto key = pemKey();
  ASSERT_TRUE(key);
  auto jwt = signJwt(*key, Json::object(), {{"sub", "x"}});
  ASSERT_TRUE(jwt.ok());
  EXPECT_EQ(joseVerify(*jwt, publicJwk(*key)), 0);
  // A tampered payload fails, with jose and with us.
  std::string tampered = *jwt;
  auto dot = tampered.find('.');
  tampered.replace(dot + 1, 2, tampered.substr(dot + 1, 2) == "ey" ? "eX" : "ey");
  EXPECT_NE(joseVerify(tampered, publicJwk(*key)), 0);
  EXPECT_FALSE(verifyJwt(*key, tampered));
}

TEST_F(Jwt, BuildsAClientAssertion) {
  auto key = pemKey();
  ASSERT_TRUE(key);
  const auto now = std::chrono::system_clock::from_time_t(1'800'000'000);
  const std::string url = "https://auth.pingone.eu/env/as/token";
  auto a = clientAssertion(*key, "key-1", "client-1", url, now);
  auto b = clientAssertion(*key, "", "client-1", url, now);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(part(*a, 0).dump(), R"({"kid":"key-1","alg":"RS256","typ":"JWT"})");
  EXPECT_EQ(part(*b, 0).dump(), R"({"alg":"RS256","typ":"JWT"})");
  Json claims = part(*a, 1);
  EXPECT_EQ(claims["iss"], "client-1");
  EXPECT_EQ(claims["sub"], "client-1");
  EXPECT_EQ(claims["aud"], url);
  EXPECT_EQ(claims["iat"], 1'800'000'000);
  EXPECT_EQ(claims["exp"], 1'800'000'000 + kAssertionLifetime.count());
  EXPECT_LE(kAssertionLifetime, std::chrono::minutes(5));
  EXPECT_NE(claims["jti"], part(*b, 1)["jti"]);
  EXPECT_GE(claims["jti"].get<std::string>().size(), 16u);
  EXPECT_EQ(joseVerify(*a, publicJwk(*key, "key-1")), 0);
}

TEST(JwtKeys, ExplainsWhatIsWrongWithAKeyWithoutQuotingIt) {
  EXPECT_EQ(loadRsaKey("").error(), "it is empty");
  EXPECT_EQ(loadRsaKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n").error(),
            "it is not a readable PEM private key");
  EXPECT_EQ(loadRsaKey(R"({"kty":"EC","crv":"P-256"})").error(), "the JWK's kty is not RSA");
  EXPECT_EQ(loadRsaKey(R"({"kty":"RSA","n":"AQAB","e":"AQAB"})").error(),
            "the JWK lacks d, p, q, dp, dq, qi (a private RSA JWK is needed)");
  EXPECT_EQ(loadRsaKey(R"({"keys":[]})").error(), "it is a JWK set; give a single JWK");
}

}  // namespace
}  // namespace pingplan::pingone
