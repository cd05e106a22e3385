#pragma once
// Clock: the time source and sleeper of the client, injected so tests never sleep.

#include <chrono>
#include <memory>

namespace pingplan::pingone {

/// Wall-clock time and waiting. The system clock really sleeps; tests pass a fake one that
/// records the delays it is asked for and moves its own time forward instead.
class Clock {
 public:
  using TimePoint = std::chrono::system_clock::time_point;
  virtual ~Clock() = default;
  virtual TimePoint now() = 0;
  virtual void sleepFor(std::chrono::milliseconds delay) = 0;
};

/// The real clock (std::chrono::system_clock and std::this_thread::sleep_for).
std::shared_ptr<Clock> systemClock();

}  // namespace pingplan::pingone
