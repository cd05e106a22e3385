#pragma once
// Executor: carries out a Plan through the PingOne Api. Phases run in order (plan::phase),
// the changes of one phase in parallel up to Options::parallelism (scope deletes one at a
// time). A change whose dependency failed is not attempted; independent changes still run.
// Every change gets an outcome, also after a partial failure. Progress goes to an Observer:
// the executor never prints.

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "model/model.h"
#include "pingone/api.h"
#include "plan/plan.h"

namespace pingplan::apply {

enum class Outcome { Applied, Failed, NotAttempted };

/// What happened to one change of the plan.
struct ChangeResult {
  Outcome outcome = Outcome::NotAttempted;
  /// One line: the API error for Failed, the failed dependency for NotAttempted.
  std::string message;
  /// The object's id after the change (the new id for a create or replace).
  std::string id;
};

/// The client credentials of an application the run created or replaced. clientSecret is
/// a secret: it goes to the --credentials-out file and nowhere else.
struct Credentials {
  std::string name;
  std::string id;
  std::string clientId;      // the application id
  std::string clientSecret;  // empty unless Options::collectCredentials
  std::string environmentId;
};

/// The outcome of a whole run: one ChangeResult per change, in the plan's order.
struct ApplyResult {
  std::vector<ChangeResult> changes;
  int writes = 0;                        // POST, PUT and DELETE requests sent (answered or not)
  int refusedWrites = 0;                 // of those, answered with an error status
  std::vector<Credentials> credentials;  // sorted by name
  std::vector<std::string> warnings;     // e.g. a secret that could not be read
  bool ok() const;
  int count(Outcome outcome) const;
  /// False only when nothing can have changed: no change was applied and every write sent
  /// was refused with an error status (none went unanswered).
  bool mayHaveChanged() const;
};

/// Receives progress as changes start and finish. The executor serialises the calls, so an
/// implementation needs no locking of its own.
class Observer {
 public:
  virtual ~Observer() = default;
  virtual void started(const plan::Change& change) { (void)change; }
  virtual void finished(const plan::Change& change, const ChangeResult& result) {
    (void)change;
    (void)result;
  }
};

/// Waits between retries; tests pass one that records instead of sleeping.
using Sleeper = std::function<void(std::chrono::milliseconds)>;

struct Options {
  int parallelism = 8;
  /// Read the client secret of every application created or replaced.
  bool collectCredentials = false;
  /// Null: std::this_thread::sleep_for.
  Sleeper sleep;
  /// A just-created object that answers 404 is asked again this many times in all, waiting
  /// notFoundBackoff, then twice that, and so on.
  int notFoundTries = 5;
  std::chrono::milliseconds notFoundBackoff{100};
  /// A create or write without an answer is looked up (creates) and sent again at most this
  /// many times in all.
  int unknownOutcomeTries = 3;
};

/// Runs `plan` against `api`. `live` is the state the plan was made from (or a fresh read of
/// it): updates start from the live objects' raw JSON so that unmanaged fields are kept.
ApplyResult execute(const plan::Plan& plan, const model::LiveState& live, pingone::Api& api,
                    Observer& observer, const Options& options = {});

}  // namespace pingplan::apply
