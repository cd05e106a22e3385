#pragma once
// Registry: the ids an apply run knows, by name. It starts from the live state and learns the
// ids of objects created during the run, so later phases find the parents and scopes that
// earlier phases made. It also keeps the live objects' raw JSON by id, the base of updates.
// Thread-safe.

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "model/model.h"

namespace pingplan::apply {

class Registry {
 public:
  explicit Registry(const model::LiveState& live);

  std::optional<std::string> resource(const std::string& name) const;
  std::optional<std::string> scope(const std::string& resource, const std::string& name) const;
  std::optional<std::string> application(const std::string& name) const;
  /// The name of the application with this id, live or created by this run.
  std::optional<std::string> applicationName(const std::string& id) const;

  /// Records an object made by this run (a replaced app's new id replaces the old one).
  void createdResource(const std::string& name, const std::string& id);
  void createdScope(const std::string& resource, const std::string& name, const std::string& id);
  void createdApplication(const std::string& name, const std::string& id);

  /// True for ids of objects this run created: they may answer 404 for a moment.
  bool isNew(const std::string& id) const;
  /// True for ids that were in the live state.
  bool wasLive(const std::string& id) const;
  /// The raw JSON of a live object, by id.
  std::optional<model::Json> liveRaw(const std::string& id) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> resources_;
  std::map<std::pair<std::string, std::string>, std::string> scopes_;
  std::map<std::string, std::string> applications_;
  std::set<std::string> created_;
  std::map<std::string, model::Json> raw_;  // written once by the constructor
};

}  // namespace pingplan::apply
