#pragma once
// Where the decoded objects of a manifest were written, kept beside the model objects (index
// for index) so that rules spanning several entries can point at the offending value.

#include <vector>

#include "manifest/diagnostics.h"

namespace pingplan::manifest {

/// Positions of one resource entry and of its children's names.
struct ResourceSite {
  Position entry;
  Position name;
  std::vector<Position> attributeNames;  // index for index with Resource::attributes
  std::vector<Position> scopeNames;      // index for index with Resource::scopes
};

/// Positions of one grant: its `resource` value and each scope name.
struct GrantSite {
  Position entry;
  Position resource;
  std::vector<Position> scopes;  // index for index with Grant::scopes (before sorting)
};

/// Positions of one application entry and of its grants.
struct ApplicationSite {
  Position entry;
  Position name;
  std::vector<GrantSite> grants;  // index for index with Application::grants
};

}  // namespace pingplan::manifest
