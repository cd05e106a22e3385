#pragma once
// Sender: how the executor sends requests. It counts the writes sent, waits out the 404 of an
// object this run has just created (PingOne may not show it at once), sends a PUT or DELETE
// that got no answer again (they are idempotent), and looks before it sends again a create
// that got no answer, so nothing is ever created twice. Thread-safe.

#include <atomic>
#include <functional>
#include <string>

#include "apply/executor.h"
#include "pingone/api.h"

namespace pingplan::apply {

/// Tells whether a listed object is the one a create without an answer was meant to make.
using Matcher = std::function<bool(const pingone::Json& listed)>;

class Sender {
 public:
  Sender(pingone::Api& api, const Options& options);

  /// `parentIsNew`: the parent was created by this run, so a 404 may be temporary.
  pingone::ApiResult<pingone::Json> create(pingone::Collection c, const std::string& parentId,
                                           const pingone::Json& body, bool parentIsNew,
                                           const Matcher& isOurs);
  /// `isNew`: the object (or its parent) was created by this run.
  pingone::ApiResult<pingone::Json> replace(pingone::Collection c, const std::string& parentId,
                                            const std::string& id, const pingone::Json& body,
                                            bool isNew);
  /// A 404 counts as done: the object is gone either way.
  pingone::ApiStatus remove(pingone::Collection c, const std::string& parentId,
                            const std::string& id);
  pingone::ApiResult<std::vector<pingone::Json>> list(pingone::Collection c,
                                                      const std::string& parentId,
                                                      bool parentIsNew);
  pingone::ApiResult<pingone::Json> get(pingone::Collection c, const std::string& parentId,
                                        const std::string& id);
  pingone::ApiResult<std::string> readSecret(const std::string& applicationId, bool isNew);

  int writes() const { return writes_.load(); }
  /// Writes answered with an error status: the server refused them, so they changed nothing.
  int refusedWrites() const { return refused_.load(); }
  const std::string& environmentId() const { return api_.environmentId(); }

 private:
  template <class T>
  pingone::ApiResult<T> waitingOutNotFound(bool enabled,
                                           const std::function<pingone::ApiResult<T>()>& send);
  void countWrite(const pingone::ApiError* error);

  pingone::Api& api_;
  const Options& options_;
  std::atomic<int> writes_{0};
  std::atomic<int> refused_{0};
};

/// True for a 404 answer.
bool isNotFound(const pingone::ApiError& e);

}  // namespace pingplan::apply
