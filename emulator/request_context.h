#pragma once
// Per-request bookkeeping shared by the handlers and the request logger. cpp-httplib answers a
// request on one thread, from the pre-routing handler to the logger, so thread-local state is
// enough.

#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>

namespace emulator {

/// What the logger needs to know about the request this thread is answering.
struct RequestContext {
  std::chrono::steady_clock::time_point start;
  bool dropped = false;  // the connection was closed before the answer
  bool logged = false;   // already in the request log (handled requests log themselves)
};

/// This thread's current request.
inline RequestContext& currentRequest() {
  thread_local RequestContext context;
  return context;
}

/// Sets status and a JSON body.
inline void sendJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  // Strings from the request (a percent-decoded path in the request log) may be invalid UTF-8,
  // which dump() would throw on: replace such bytes with U+FFFD instead.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

}  // namespace emulator
