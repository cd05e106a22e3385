#include "emulator/jwt.h"

#include "emulator/base64url.h"

namespace emulator {
namespace {

std::optional<nlohmann::json> decodeObject(std::string_view part) {
  auto bytes = base64UrlDecode(part);
  if (!bytes) return std::nullopt;
  auto json = nlohmann::json::parse(*bytes, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return std::nullopt;
  return json;
}

}  // namespace

std::optional<Jwt> parseJwt(std::string_view compact) {
  auto first = compact.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  auto second = compact.find('.', first + 1);
  if (second == std::string_view::npos || compact.find('.', second + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  auto header = decodeObject(compact.substr(0, first));
  auto claims = decodeObject(compact.substr(first + 1, second - first - 1));
  auto signature = base64UrlDecode(compact.substr(second + 1));
  if (!header || !claims || !signature) return std::nullopt;
  return Jwt{std::move(*header), std::move(*claims), std::string(compact.substr(0, second)),
             std::move(*signature)};
}

std::string signJwt(const nlohmann::json& claims, const SigningKey& key) {
  nlohmann::json header = {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", key.kid()}};
  std::string input = base64UrlEncode(header.dump()) + "." + base64UrlEncode(claims.dump());
  return input + "." + base64UrlEncode(key.signRs256(input));
}

}  // namespace emulator
