#include "pingone/clock.h"

#include <thread>

namespace pingplan::pingone {
namespace {

class SystemClock final : public Clock {
 public:
  TimePoint now() override { return std::chrono::system_clock::now(); }
  void sleepFor(std::chrono::milliseconds delay) override { std::this_thread::sleep_for(delay); }
};

}  // namespace

std::shared_ptr<Clock> systemClock() {
  static const auto clock = std::make_shared<SystemClock>();
  return clock;
}

}  // namespace pingplan::pingone
