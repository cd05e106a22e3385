#pragma once
// LiveIndex: the live objects the differ may match, found by exact name. Only CUSTOM
// resources and OIDC apps of manageable types are ever matched to the manifest; built-ins
// and unmanaged resources are still found by name for the grants that name them.

#include <string>
#include <unordered_map>
#include <vector>

#include "diff/diff.h"
#include "model/model.h"

namespace pingplan::diff {

/// Live resources and applications by name, built once per plan in one pass over each live
/// list (hash maps, so a plan is linear in the number of objects). Two live objects that
/// share a name the manifest lists are an error naming both ids; nothing is guessed.
class LiveIndex {
 public:
  /// A live grant and the application that holds it.
  struct HeldGrant {
    const model::Application* app;
    const model::Grant* grant;
  };

  LiveIndex(const model::DesiredState& desired, const model::LiveState& live,
            std::vector<DiffError>& errors);

  /// The CUSTOM resource the manifest entry `name` matches, or null.
  const model::Resource* managedResource(const std::string& name) const;
  /// The manageable application the manifest entry `name` matches, or null.
  const model::Application* managedApplication(const std::string& name) const;
  /// Any live resource of that name (CUSTOM first, then built-ins), for grants.
  const model::Resource* anyResource(const std::string& name) const;
  /// Every live grant on resource `r` (matched by id, or by name when a grant has no id), in
  /// live order: what deleting the resource or one of its scopes must account for.
  std::vector<HeldGrant> grantsOn(const model::Resource& r) const;

 private:
  /// The first live resource of a name that is not managed (a built-in), for anyResource.
  std::unordered_map<std::string, const model::Resource*> otherResources_;
  /// Managed live objects by name, in live order; more than one is a duplicate.
  std::unordered_map<std::string, std::vector<const model::Resource*>> resources_;
  std::unordered_map<std::string, std::vector<const model::Application*>> applications_;
  /// Live grants by resource id, and by resource name for grants without one; each with its
  /// position in the live lists, so grantsOn can merge both in live order.
  struct Numbered {
    std::size_t order;
    HeldGrant held;
  };
  std::unordered_map<std::string, std::vector<Numbered>> grantsById_;
  std::unordered_map<std::string, std::vector<Numbered>> grantsByName_;
};

}  // namespace pingplan::diff
