// Emulator: the unauthenticated control endpoint under /emulator/ that tests and demos use to
// read the request log and counters, change fault settings, and inspect the store.

#include "emulator/api_error.h"
#include "emulator/request_context.h"
#include "emulator/server.h"

namespace emulator {
void Emulator::handleControl(const httplib::Request& req, httplib::Response& res,
                             const std::vector<std::string>& segments) {
  if (segments.size() != 2) throw notFound();
  const std::string& what = segments[1];
  const std::string& method = req.method;
  if (what == "requests") {
    if (method == "GET") return sendJson(res, 200, log_.toJson());
    if (method == "DELETE") {
      log_.clear();
      res.status = 204;
      return;
    }
  } else if (what == "counters") {
    if (method == "GET") return sendJson(res, 200, log_.counters());
    if (method == "DELETE") {
      log_.resetCounters();
      res.status = 204;
      return;
    }
  } else if (what == "faults") {
    if (method == "GET") return sendJson(res, 200, faults_.settings().toJson());
    if (method == "POST") {
      auto patch = json::parse(req.body, nullptr, false);
      try {
        if (patch.is_discarded()) throw std::invalid_argument("the body is not valid JSON");
        return sendJson(res, 200, faults_.merge(patch));
      } catch (const std::invalid_argument& e) {
        throw invalidRequest(e.what());
      }
    }
  } else if (what == "state") {
    if (method == "GET") {
      std::lock_guard lock(storeMutex_);
      json state = store_.toJson();
      state.erase("secrets");  // secrets stay behind the API's own secret endpoint
      state["workerId"] = workerId_;
      return sendJson(res, 200, state);
    }
  } else {
    throw notFound();
  }
  throw ApiError(405, "INVALID_REQUEST", "The HTTP method is not supported on this path.");
}

}  // namespace emulator
