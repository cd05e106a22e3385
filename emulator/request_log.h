#pragma once
// RequestLog: every request the emulator answered outside /emulator/ (method, path, query,
// status, duration), plus running counters. Thread-safe; keeps the latest 100000 entries.

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

namespace emulator {

/// One answered (or deliberately dropped) request.
struct LoggedRequest {
  std::string method;
  std::string path;  // without the query string
  std::string query;
  int status = 0;
  double durationMs = 0;
  bool dropped = false;  // committed, then the connection was closed unanswered
};

/// The log behind GET/DELETE /emulator/requests and GET /emulator/counters.
class RequestLog {
 public:
  void add(LoggedRequest entry);
  /// {"requests":[{method,path,query,status,durationMs[,dropped]}...]}
  nlohmann::json toJson() const;
  void clear();
  /// {"total","byMethod":{..},"byStatus":{..},"writes","dropped"} since start or reset.
  nlohmann::json counters() const;
  void resetCounters();

 private:
  mutable std::mutex mutex_;
  std::deque<LoggedRequest> entries_;
  std::map<std::string, int64_t> byMethod_;
  std::map<std::string, int64_t> byStatus_;
  int64_t total_ = 0;
  int64_t writes_ = 0;
  int64_t dropped_ = 0;
};

}  // namespace emulator
