#include "pingone/curl_errors.h"

namespace pingplan::pingone {

TransportError classifyCurlError(CURLcode code, bool connected) {
  TransportError error;
  error.message = curl_easy_strerror(code);
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      error.kind = TransportError::Kind::NotSent;
      break;
    case CURLE_OPERATION_TIMEDOUT:
      error.kind = connected ? TransportError::Kind::NoAnswer : TransportError::Kind::NotSent;
      break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_OUT_OF_MEMORY:
      error.kind = TransportError::Kind::Fatal;
      break;
    default:
      error.kind = TransportError::Kind::NoAnswer;
      break;
  }
  return error;
}

}  // namespace pingplan::pingone
