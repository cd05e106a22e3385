#pragma once
// What a libcurl failure means for a retry: whether anything can have reached the server.

#include <curl/curl.h>

#include "pingone/http.h"

namespace pingplan::pingone {

/// `connected`: libcurl had a TCP connection when it failed (CURLINFO_CONNECT_TIME_T > 0).
/// A timeout before that is a connect timeout: nothing was sent, so it is NotSent (safe to
/// re-send, and counted as an unreachable host); after it, the request may have arrived.
TransportError classifyCurlError(CURLcode code, bool connected);

}  // namespace pingplan::pingone
