#include "apply/executor.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "apply/change_runner.h"
#include "apply/dependencies.h"
#include "apply/describe.h"
#include "apply/registry.h"
#include "apply/sender.h"

namespace pingplan::apply {
namespace {

/// Serialises the observer's calls, so implementations need no locks.
class SerialObserver {
 public:
  explicit SerialObserver(Observer& inner) : inner_(inner) {}
  void started(const plan::Change& c) {
    std::lock_guard lock(mutex_);
    inner_.started(c);
  }
  void finished(const plan::Change& c, const ChangeResult& r) {
    std::lock_guard lock(mutex_);
    inner_.finished(c, r);
  }

 private:
  Observer& inner_;
  std::mutex mutex_;
};

/// Runs `work(i)` for every i of `items` on up to `threads` threads.
void runParallel(const std::vector<std::size_t>& items, int threads,
                 const std::function<void(std::size_t)>& work) {
  std::size_t count = std::min(items.size(), static_cast<std::size_t>(std::max(threads, 1)));
  if (count <= 1) {
    for (auto i : items) work(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto loop = [&]() {
    for (std::size_t k = next++; k < items.size(); k = next++) work(items[k]);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < count; ++t) pool.emplace_back(loop);
  for (auto& t : pool) t.join();
}

}  // namespace

bool ApplyResult::ok() const {
  return std::all_of(changes.begin(), changes.end(),
                     [](const ChangeResult& r) { return r.outcome == Outcome::Applied; });
}

int ApplyResult::count(Outcome outcome) const {
  return static_cast<int>(std::count_if(
      changes.begin(), changes.end(), [&](const ChangeResult& r) { return r.outcome == outcome; }));
}

bool ApplyResult::mayHaveChanged() const {
  return count(Outcome::Applied) > 0 || writes > refusedWrites;
}

ApplyResult execute(const plan::Plan& plan, const model::LiveState& live, pingone::Api& api,
                    Observer& observer, const Options& options) {
  const auto& changes = plan.changes;
  ApplyResult result;
  result.changes.resize(changes.size());
  auto deps = dependencies(changes);
  Registry registry(live);
  Sender sender(api, options);
  ChangeRunner runner(sender, registry, options);
  SerialObserver progress(observer);
  std::mutex scopeDeletes;  // PingOne errs on concurrent deletes of granted scopes

  auto work = [&](std::size_t i) {
    const plan::Change& change = changes[i];
    for (auto d : deps[i]) {
      if (result.changes[d].outcome != Outcome::Applied) {
        ChangeResult skipped;
        skipped.message =
            "not attempted: " + describe(changes[d]) + " was not " + pastTense(changes[d].action);
        result.changes[i] = skipped;
        progress.finished(change, skipped);
        return;
      }
    }
    progress.started(change);
    ChangeResult done;
    if (change.kind == plan::Kind::Scope && change.action == plan::Action::Delete) {
      std::lock_guard lock(scopeDeletes);
      done = runner.run(change);
    } else {
      done = runner.run(change);
    }
    result.changes[i] = done;
    progress.finished(change, done);
  };

  for (int p = 0; p < plan::kPhaseCount; ++p) {
    std::vector<std::size_t> items;
    for (std::size_t i = 0; i < changes.size(); ++i) {
      if (plan::phase(changes[i]) == p) items.push_back(i);
    }
    runParallel(items, options.parallelism, work);
  }
  result.writes = sender.writes();
  result.refusedWrites = sender.refusedWrites();
  result.credentials = runner.credentials();
  result.warnings = runner.warnings();
  return result;
}

}  // namespace pingplan::apply
