#pragma once
// Context: what one makePlan call works on and builds up. The per-kind differs
// (resources.cc, applications.cc, grants.cc) read the desired and live states through it and
// add changes and errors to it.

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "diff/diff.h"
#include "diff/live_index.h"
#include "model/model.h"
#include "plan/plan.h"

namespace pingplan::diff {

/// The inputs, the name indexes (live and desired, hash maps built once), and the changes and
/// errors found so far.
struct Context {
  Context(const model::DesiredState& desired, const model::LiveState& live);

  const model::DesiredState& desired;
  const model::LiveState& live;
  std::vector<DiffError> errors;
  LiveIndex index;
  std::vector<plan::Change> changes;
  /// Names of managed applications that will be replaced (type or protocol differs).
  std::set<std::string> replaced;

  const model::Resource* desiredResource(const std::string& name) const;
  const model::Application* desiredApplication(const std::string& name) const;
  /// True when `app` is the live object a (present or absent) manifest entry matches.
  bool isManaged(const model::Application& app) const;

  void add(plan::Change change);
  /// Adds the delete of a live grant once, whoever asks first (the app's authoritative list,
  /// an absent resource, an absent app); later requests for the same grant are dropped.
  void deleteGrant(const model::Application& app, const model::Grant& grant,
                   const std::string& reason);
  void error(std::string message);

 private:
  std::set<std::string> deletedGrants_;
  /// The first manifest entry of each name (duplicates are refused by the loader).
  std::unordered_map<std::string, const model::Resource*> desiredResources_;
  std::unordered_map<std::string, const model::Application*> desiredApplications_;
};

/// A change with its reasons; `id`/`parentId` are the live ids where they exist.
plan::Change makeChange(plan::Action action, plan::Kind kind, std::string name, std::string parent,
                        model::Json before, model::Json after, std::vector<std::string> reasons,
                        std::string id = {}, std::string parentId = {});

/// The name a live grant is known by: its resource's name (its id if the name is unknown).
std::string grantResourceName(const model::Grant& g);

constexpr const char* kNotLive = "not in the live environment";
constexpr const char* kNotDeclared = "not declared in the manifest";
constexpr const char* kEnsureAbsent = "ensure: absent";
constexpr const char* kAppReplaced = "the application is replaced";

void diffResource(Context& ctx, const model::Resource& want);
void diffApplication(Context& ctx, const model::Application& want);
/// The grants of a managed app that is updated in place (or left as it is).
void diffGrants(Context& ctx, const model::Application& want, const model::Application& have);
/// Creates for `grants` of app `appName` (a new or a replaced application).
void createGrants(Context& ctx, const std::string& appName, const std::vector<model::Grant>& grants,
                  const char* reason);

/// Sorts changes into execution order: phase, then parent, then name (then kind, action).
void sortChanges(std::vector<plan::Change>& changes);

}  // namespace pingplan::diff
