#pragma once
// Compact JWS tokens (JWTs): split and decode for checking, and RS256 signing for issuing.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "emulator/signing_key.h"

namespace emulator {

/// A decoded compact JWT; the signature is not yet checked.
struct Jwt {
  nlohmann::json header;
  nlohmann::json claims;
  std::string signingInput;  // "b64header.b64claims", what the signature covers
  std::string signature;     // raw bytes
};

/// Splits and decodes a compact JWT; nullopt unless it has three parts with JSON objects.
std::optional<Jwt> parseJwt(std::string_view compact);
/// A compact RS256 JWT with header {alg,typ,kid} over claims.
std::string signJwt(const nlohmann::json& claims, const SigningKey& key);

}  // namespace emulator
