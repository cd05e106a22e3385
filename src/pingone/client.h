#pragma once
// Client: the Api over HTTP. Paths per collection, bearer tokens (renewed once after a 401),
// paging through _links.next, P1Error bodies turned into ApiErrors.

#include <memory>

#include "pingone/api.h"
#include "pingone/connection_settings.h"
#include "pingone/http.h"
#include "pingone/retry_policy.h"

namespace pingplan::pingone {

/// The client on any transport; connect() passes the libcurl one, tests may pass another.
std::unique_ptr<Api> makeClient(std::shared_ptr<const Connection> connection,
                                const ClientOptions& options, std::shared_ptr<Transport> transport,
                                RetryPolicy policy = RetryPolicy());

/// The path of a collection below the environment: "/resources", "/resources/ID/scopes"...
std::string collectionPath(Collection c, const std::string& parentId);

/// The `_embedded` member of a collection's list ("resources", "scopes"...).
std::string embeddedName(Collection c);

}  // namespace pingplan::pingone
