#include "pingone/parallel.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

namespace pingplan::pingone {

ApiStatus runParallel(const std::vector<std::function<ApiStatus()>>& tasks, int parallelism) {
  std::vector<std::optional<ApiError>> errors(tasks.size());
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    for (;;) {
      std::size_t i = next.fetch_add(1);
      if (i >= tasks.size() || failed.load()) return;
      auto status = tasks[i]();
      if (!status) {
        errors[i] = status.error();
        failed.store(true);
      }
    }
  };
  std::size_t threads =
      std::min<std::size_t>(tasks.size(), static_cast<std::size_t>(std::max(parallelism, 1)));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  for (auto& error : errors) {
    if (error) return fail(*error);
  }
  return Ok{};
}

}  // namespace pingplan::pingone
