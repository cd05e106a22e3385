#pragma once
// Turning PingOne's error answers into one readable line, e.g.
//   PUT /resources/ID -> 400 INVALID_DATA: audience: must not contain "pingone"

#include <string>

#include "pingone/api.h"
#include "pingone/http.h"

namespace pingplan::pingone {

/// "METHOD /path" with the path shortened after /v1/environments/{id} and no query; URLs
/// outside the management API are shown whole, redacted.
std::string describeRequest(const std::string& method, const std::string& url);

/// The P1Error `code` of a body ("" when the body is not one).
std::string errorCodeOf(const std::string& body);

/// An error status as an ApiError of kind Http: code from the P1Error body (or the OAuth
/// `error`), message "METHOD /path -> STATUS CODE: target: message; target: message".
/// 404 always has code NOT_FOUND.
ApiError httpError(const std::string& method, const std::string& url, const HttpResponse& response);

}  // namespace pingplan::pingone
