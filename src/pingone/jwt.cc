#include "pingone/jwt.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <array>
#include <vector>

#include "pingone/base64.h"

namespace pingplan::pingone {

struct RsaKey::Impl {
  EVP_PKEY* pkey = nullptr;
  ~Impl() { EVP_PKEY_free(pkey); }
};

RsaKey::RsaKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RsaKey::~RsaKey() = default;

namespace {

using KeyResult = Result<std::shared_ptr<const RsaKey>, std::string>;

struct BnFree {
  void operator()(BIGNUM* bn) const { BN_clear_free(bn); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;

std::shared_ptr<const RsaKey> wrap(EVP_PKEY* pkey) {
  auto impl = std::make_unique<RsaKey::Impl>();
  impl->pkey = pkey;
  return std::make_shared<const RsaKey>(std::move(impl));
}

KeyResult fromPem(const std::string& text) {
  BIO* bio = BIO_new_mem_buf(text.data(), static_cast<int>(text.size()));
  EVP_PKEY* pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (pkey == nullptr) return fail(std::string("it is not a readable PEM private key"));
  if (EVP_PKEY_get_base_id(pkey) != EVP_PKEY_RSA) {
    EVP_PKEY_free(pkey);
    return fail(std::string("it is not an RSA key (RS256 needs one)"));
  }
  return wrap(pkey);
}

KeyResult fromJwk(const std::string& text) {
  Json jwk = Json::parse(text, nullptr, false);
  if (jwk.is_discarded() || !jwk.is_object()) return fail(std::string("it is not valid JSON"));
  if (jwk.contains("keys")) return fail(std::string("it is a JWK set; give a single JWK"));
  if (jwk.value("kty", "") != "RSA") return fail(std::string("the JWK's kty is not RSA"));
  static const std::array<std::pair<const char*, const char*>, 8> kParts = {{
      {"n", OSSL_PKEY_PARAM_RSA_N},
      {"e", OSSL_PKEY_PARAM_RSA_E},
      {"d", OSSL_PKEY_PARAM_RSA_D},
      {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},
      {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},
      {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
      {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2},
      {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1},
  }};
  std::vector<Bn> numbers;
  OSSL_PARAM_BLD* builder = OSSL_PARAM_BLD_new();
  std::string missing;
  for (const auto& [member, param] : kParts) {
    auto it = jwk.find(member);
    if (it == jwk.end() || !it->is_string()) {
      missing += missing.empty() ? member : std::string(", ") + member;
      continue;
    }
    auto bytes = base64UrlDecode(it->get<std::string>());
    if (!bytes) {
      OSSL_PARAM_BLD_free(builder);
      return fail("the JWK member " + std::string(member) + " is not base64url");
    }
    numbers.emplace_back(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes->data()),
                                   static_cast<int>(bytes->size()), nullptr));
    OSSL_PARAM_BLD_push_BN(builder, param, numbers.back().get());
  }
  if (!missing.empty()) {
    OSSL_PARAM_BLD_free(builder);
    return fail("the JWK lacks " + missing + " (a private RSA JWK is needed)");
  }
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(builder);
  OSSL_PARAM_BLD_free(builder);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
  EVP_PKEY* pkey = nullptr;
  bool ok = ctx != nullptr && EVP_PKEY_fromdata_init(ctx) == 1 &&
            EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_KEYPAIR, params) == 1;
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  if (!ok) return fail(std::string("OpenSSL does not accept the JWK as an RSA key"));
  return wrap(pkey);
}

std::string bnParam(EVP_PKEY* pkey, const char* name) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) return {};
  std::string bytes(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
  BN_free(bn);
  return base64UrlEncode(bytes);
}

}  // namespace

KeyResult loadRsaKey(const std::string& text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return fail(std::string("it is empty"));
  return text[first] == '{' ? fromJwk(text) : fromPem(text);
}

Result<std::string, std::string> signJwt(const RsaKey& key, Json header, const Json& claims) {
  header["alg"] = "RS256";
  header["typ"] = "JWT";
  std::string input = base64UrlEncode(header.dump()) + "." + base64UrlEncode(claims.dump());
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  std::size_t size = 0;
  bool ok = EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key.impl().pkey) == 1 &&
            EVP_DigestSign(ctx, nullptr, &size,
                           reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
  std::string signature(size, '\0');
  ok =
      ok && EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &size,
                           reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok) return fail(std::string("OpenSSL could not sign the assertion"));
  signature.resize(size);
  return input + "." + base64UrlEncode(signature);
}

bool verifyJwt(const RsaKey& key, const std::string& jwt) {
  auto dot = jwt.rfind('.');
  if (dot == std::string::npos) return false;
  auto signature = base64UrlDecode(std::string_view(jwt).substr(dot + 1));
  if (!signature) return false;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key.impl().pkey) == 1 &&
            EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature->data()),
                             signature->size(), reinterpret_cast<const unsigned char*>(jwt.data()),
                             dot) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

Json publicJwk(const RsaKey& key, const std::string& keyId) {
  Json jwk = {{"kty", "RSA"},
              {"alg", "RS256"},
              {"use", "sig"},
              {"n", bnParam(key.impl().pkey, OSSL_PKEY_PARAM_RSA_N)},
              {"e", bnParam(key.impl().pkey, OSSL_PKEY_PARAM_RSA_E)}};
  if (!keyId.empty()) jwk["kid"] = keyId;
  return jwk;
}

Result<std::string, std::string> clientAssertion(const RsaKey& key, const std::string& keyId,
                                                 const std::string& clientId,
                                                 const std::string& tokenUrl,
                                                 std::chrono::system_clock::time_point now) {
  std::array<unsigned char, 16> random{};
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
    return fail(std::string("OpenSSL could not make a random jti"));
  }
  const auto iat = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch());
  Json claims = {{"iss", clientId},
                 {"sub", clientId},
                 {"aud", tokenUrl},
                 {"iat", iat.count()},
                 {"exp", (iat + kAssertionLifetime).count()},
                 {"jti", base64UrlEncode(std::string(random.begin(), random.end()))}};
  Json header = Json::object();
  if (!keyId.empty()) header["kid"] = keyId;
  return signJwt(key, std::move(header), claims);
}

}  // namespace pingplan::pingone
