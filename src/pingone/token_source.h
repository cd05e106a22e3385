#pragma once
// TokenSource: the bearer token for API calls. One per client; thread-safe.

#include <memory>
#include <string>

#include "pingone/api.h"
#include "pingone/connection_settings.h"
#include "pingone/sender.h"

namespace pingplan::pingone {

/// Hands out a cached token, fetching one from the token endpoint when there is none or it
/// is about to expire. The token itself is a secret: it never goes into an error or a log.
class TokenSource {
 public:
  virtual ~TokenSource() = default;
  /// A token that should still be valid.
  virtual ApiResult<std::string> token() = 0;
  /// The API refused `rejected` (401): drop it if it is still the cached one. False when no
  /// other token can be had (a static PINGONE_API_ACCESS_TOKEN).
  virtual bool invalidate(const std::string& rejected) = 0;
};

/// A token is renewed this long before it expires (at most half its lifetime).
inline constexpr std::chrono::seconds kTokenRenewMargin{60};

/// The source for the connection's method: static, or the token endpoint via `sender`.
std::unique_ptr<TokenSource> makeTokenSource(std::shared_ptr<const Connection> connection,
                                             std::shared_ptr<const Sender> sender);

}  // namespace pingplan::pingone
