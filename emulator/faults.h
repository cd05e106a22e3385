#pragma once
// Fault injection: latency, random 429/503/500 answers driven by a seeded PRNG (so a run is
// reproducible), dropped connections after committed writes, and 404s for fresh objects.
// Settings come from flags and from POST /emulator/faults. Thread-safe.

#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <unordered_map>

namespace emulator {

/// The adjustable knobs, as GET/POST /emulator/faults show them.
struct FaultSettings {
  int64_t latencyMs = 0;
  int64_t jitterMs = 0;
  double rate429 = 0;
  int64_t retryAfterSeconds = 1;
  double rate503 = 0;
  double rate500 = 0;
  int64_t dropAfterCommit = 0;      // the next N committed writes lose their answer
  int64_t notFoundAfterCreate = 0;  // the first N GETs by id of each new object answer 404
  int64_t pageSize = 3;
  int64_t tokenLifetimeSeconds = 3600;

  nlohmann::json toJson() const;
  /// Merges the keys of patch; throws std::invalid_argument naming a bad or unknown key.
  void merge(const nlohmann::json& patch);
};

/// What to do to one request before handling it.
struct FaultDecision {
  int64_t delayMs = 0;
  int status = 0;  // 0: none; else 429, 503 or 500
};

/// The live fault state shared by all request threads.
class Faults {
 public:
  Faults(FaultSettings settings, uint64_t seed) : settings_(settings), rng_(seed) {}

  FaultSettings settings() const;
  /// Merges a patch (see FaultSettings::merge) and returns the full settings.
  nlohmann::json merge(const nlohmann::json& patch);
  /// Draws the latency and the injected status for the next request.
  FaultDecision roll();
  /// True (and counts one down) when the current write must lose its answer.
  bool takeDrop();
  /// Records a newly created object, to be hidden from its first GETs by id.
  void created(const std::string& id);
  /// True (and counts one down) when this GET by id must answer 404.
  bool hide(const std::string& id);

 private:
  mutable std::mutex mutex_;
  FaultSettings settings_;
  std::mt19937_64 rng_;
  std::unordered_map<std::string, int64_t> hidden_;
};

}  // namespace emulator
