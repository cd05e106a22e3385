#pragma once
// Api: the seam between pingplan and the PingOne management API of one target environment.
// The libcurl client implements it (see client.h); unit tests use fakes. Bodies are the
// API's own JSON; codec.h turns them into model types and back.

#include <string>
#include <vector>

#include "model/model.h"
#include "util/result.h"

namespace pingplan::pingone {

using Json = model::Json;

/// The collections pingplan reads and writes. Attributes and scopes live under a resource,
/// grants under an application (`parentId`).
enum class Collection { Resources, Attributes, Scopes, Applications, Grants };

/// What went wrong with a request, as a small domain type: no libcurl types leak out.
struct ApiError {
  enum class Kind {
    Http,            // the server answered with an error status (see status, code)
    Network,         // nothing reached the server, or a read failed; safe to retry
    UnknownOutcome,  // a write was sent and no answer came: it may have been applied
    Auth,            // no token could be had (bad credentials, token endpoint error)
    Config,          // bad settings (URL refused, missing variable, unreadable key)
    Decode,          // the server answered with something that is not the expected JSON
  };
  Kind kind = Kind::Http;
  int status = 0;       // HTTP status when kind == Http
  std::string code;     // P1Error code (INVALID_DATA, NOT_FOUND...) or OAuth error
  std::string message;  // one readable line, secrets redacted, e.g.
                        // "PUT /resources/ID -> 400 INVALID_DATA: audience: must not ..."
};

template <class T>
using ApiResult = Result<T, ApiError>;
using ApiStatus = Status<ApiError>;

/// The typed operations of the management API for one environment. Implementations are
/// thread-safe: the reader and the executor call them from several threads at once.
class Api {
 public:
  virtual ~Api() = default;

  /// The environment every call addresses.
  virtual const std::string& environmentId() const = 0;

  /// GET the whole collection, following `_links.next` to the end.
  virtual ApiResult<std::vector<Json>> list(Collection c, const std::string& parentId) = 0;
  virtual ApiResult<Json> get(Collection c, const std::string& parentId, const std::string& id) = 0;
  /// POST. Never re-sent by the transport: an unanswered create is UnknownOutcome.
  virtual ApiResult<Json> create(Collection c, const std::string& parentId, const Json& body) = 0;
  /// PUT (a full replace).
  virtual ApiResult<Json> replace(Collection c, const std::string& parentId, const std::string& id,
                                  const Json& body) = 0;
  virtual ApiStatus remove(Collection c, const std::string& parentId, const std::string& id) = 0;
  /// GET /applications/{id}/secret -> the client secret. The result is a secret: never log it.
  virtual ApiResult<std::string> readSecret(const std::string& applicationId) = 0;
};

}  // namespace pingplan::pingone
