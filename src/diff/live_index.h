#pragma once
// LiveIndex: the live objects the differ may match, found by exact name. Only CUSTOM
// resources and OIDC apps of manageable types are ever matched to the manifest; built-ins
// and unmanaged resources are still found by name for the grants that name them.

#include <map>
#include <string>
#include <vector>

#include "diff/diff.h"
#include "model/model.h"

namespace pingplan::diff {

/// Live resources and applications by name, built once per plan. Two live objects that share
/// a name the manifest lists are an error naming both ids; nothing is guessed.
class LiveIndex {
 public:
  LiveIndex(const model::DesiredState& desired, const model::LiveState& live,
            std::vector<DiffError>& errors);

  /// The CUSTOM resource the manifest entry `name` matches, or null.
  const model::Resource* managedResource(const std::string& name) const;
  /// The manageable application the manifest entry `name` matches, or null.
  const model::Application* managedApplication(const std::string& name) const;
  /// Any live resource of that name (CUSTOM first, then built-ins), for grants.
  const model::Resource* anyResource(const std::string& name) const;

 private:
  const model::LiveState& live_;
  std::map<std::string, const model::Resource*> resources_;
  std::map<std::string, const model::Application*> applications_;
};

}  // namespace pingplan::diff
