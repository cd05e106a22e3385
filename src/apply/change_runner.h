#pragma once
// ChangeRunner: carries out one change of a plan: builds the request body from the change
// (creates encode the desired object; updates start from the live object's raw JSON so
// unmanaged fields are kept), resolves the ids of parents and scopes by name, and records
// what it created so later phases find it. Thread-safe.

#include <mutex>
#include <vector>

#include "apply/executor.h"
#include "apply/registry.h"
#include "apply/sender.h"

namespace pingplan::apply {

class ChangeRunner {
 public:
  ChangeRunner(Sender& sender, Registry& registry, const Options& options);

  ChangeResult run(const plan::Change& change);

  /// Credentials of the applications created or replaced so far, sorted by name.
  std::vector<Credentials> credentials() const;
  std::vector<std::string> warnings() const;

 private:
  pingone::ApiResult<std::string> resource(const plan::Change& c);
  pingone::ApiResult<std::string> child(const plan::Change& c);
  pingone::ApiResult<std::string> application(const plan::Change& c);
  pingone::ApiResult<std::string> grant(const plan::Change& c);

  pingone::ApiResult<std::string> parentResourceId(const plan::Change& c);
  pingone::ApiResult<std::string> applicationId(const plan::Change& c);
  pingone::ApiResult<pingone::Json> liveObject(pingone::Collection coll,
                                               const std::string& parentId, const std::string& id);
  pingone::ApiResult<std::string> subAttributeUpdate(const plan::Change& c,
                                                     const std::string& resourceId);
  void collect(const std::string& name, const std::string& id);
  std::string namingApplications(const std::string& message) const;

  Sender& sender_;
  Registry& registry_;
  const Options& options_;
  mutable std::mutex mutex_;
  std::vector<Credentials> credentials_;
  std::vector<std::string> warnings_;
};

}  // namespace pingplan::apply
