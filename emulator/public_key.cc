#include "emulator/public_key.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include "emulator/base64url.h"

namespace emulator {
namespace {

BIGNUM* bignumFromMember(const nlohmann::json& jwk, const char* name) {
  auto it = jwk.find(name);
  if (it == jwk.end() || !it->is_string()) return nullptr;
  auto bytes = base64UrlDecode(it->get<std::string>());
  if (!bytes || bytes->empty()) return nullptr;
  return BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes->data()),
                   static_cast<int>(bytes->size()), nullptr);
}

std::optional<PublicKey> fromPem(const std::string& text) {
  BIO* bio = BIO_new_mem_buf(text.data(), static_cast<int>(text.size()));
  EVP_PKEY* key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (key == nullptr) return std::nullopt;
  if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
    EVP_PKEY_free(key);
    return std::nullopt;
  }
  return PublicKey{std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free), ""};
}

}  // namespace

std::optional<PublicKey> publicKeyFromJwk(const nlohmann::json& jwk) {
  if (!jwk.is_object() || jwk.value("kty", "") != "RSA") return std::nullopt;
  BIGNUM* n = bignumFromMember(jwk, "n");
  BIGNUM* e = bignumFromMember(jwk, "e");
  EVP_PKEY* key = nullptr;
  if (n != nullptr && e != nullptr) {
    OSSL_PARAM_BLD* builder = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_N, n);
    OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_E, e);
    OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(builder);
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    if (params != nullptr && ctx != nullptr && EVP_PKEY_fromdata_init(ctx) == 1) {
      EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params);
    }
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
  }
  BN_free(n);
  BN_free(e);
  if (key == nullptr) return std::nullopt;
  auto kid = jwk.find("kid");
  return PublicKey{std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free),
                   kid != jwk.end() && kid->is_string() ? kid->get<std::string>() : ""};
}

std::optional<std::vector<PublicKey>> parsePublicKeys(const std::string& text, std::string& error) {
  if (text.find("-----BEGIN") != std::string::npos) {
    auto key = fromPem(text);
    if (!key) {
      error = "not an RSA public key in PEM form";
      return std::nullopt;
    }
    return std::vector<PublicKey>{*key};
  }
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    error = "neither a JWK, a JWK set nor a PEM public key";
    return std::nullopt;
  }
  std::vector<PublicKey> keys;
  if (json.contains("keys")) {
    if (!json["keys"].is_array()) {
      error = "\"keys\" is not an array";
      return std::nullopt;
    }
    for (const auto& jwk : json["keys"]) {
      if (auto key = publicKeyFromJwk(jwk)) keys.push_back(*key);
    }
  } else if (auto key = publicKeyFromJwk(json)) {
    keys.push_back(*key);
  }
  if (keys.empty()) {
    error = "no RSA key with \"n\" and \"e\"";
    return std::nullopt;
  }
  return keys;
}

nlohmann::json publicJwkOf(const PublicKey& key) {
  auto member = [&](const char* name) {
    BIGNUM* bn = nullptr;
    EVP_PKEY_get_bn_param(key.key.get(), name, &bn);
    std::string bytes(static_cast<size_t>(BN_num_bytes(bn)), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
    BN_free(bn);
    return base64UrlEncode(bytes);
  };
  nlohmann::json jwk = {
      {"kty", "RSA"}, {"n", member(OSSL_PKEY_PARAM_RSA_N)}, {"e", member(OSSL_PKEY_PARAM_RSA_E)}};
  if (!key.kid.empty()) jwk["kid"] = key.kid;
  return jwk;
}

bool verifyRs256(EVP_PKEY* key, std::string_view data, std::string_view signature) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
            EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()),
                             signature.size(), reinterpret_cast<const unsigned char*>(data.data()),
                             data.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

}  // namespace emulator
