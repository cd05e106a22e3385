#include "emulator/request_log.h"

namespace emulator {
namespace {
constexpr size_t kMaxEntries = 100000;
}

void RequestLog::add(LoggedRequest entry) {
  std::lock_guard lock(mutex_);
  ++total_;
  ++byMethod_[entry.method];
  ++byStatus_[std::to_string(entry.status)];
  if (entry.path.rfind("/v1/", 0) == 0 &&
      (entry.method == "POST" || entry.method == "PUT" || entry.method == "DELETE")) {
    ++writes_;
  }
  if (entry.dropped) ++dropped_;
  entries_.push_back(std::move(entry));
  if (entries_.size() > kMaxEntries) entries_.pop_front();
}

nlohmann::json RequestLog::toJson() const {
  std::lock_guard lock(mutex_);
  nlohmann::json requests = nlohmann::json::array();
  for (const auto& e : entries_) {
    nlohmann::json item = {{"method", e.method},
                           {"path", e.path},
                           {"query", e.query},
                           {"status", e.status},
                           {"durationMs", e.durationMs}};
    if (e.dropped) item["dropped"] = true;
    requests.push_back(std::move(item));
  }
  return {{"requests", requests}};
}

void RequestLog::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

nlohmann::json RequestLog::counters() const {
  std::lock_guard lock(mutex_);
  return {{"total", total_},
          {"byMethod", byMethod_},
          {"byStatus", byStatus_},
          {"writes", writes_},
          {"dropped", dropped_}};
}

void RequestLog::resetCounters() {
  std::lock_guard lock(mutex_);
  byMethod_.clear();
  byStatus_.clear();
  total_ = writes_ = dropped_ = 0;
}

}  // namespace emulator
