#pragma once
// Model objects as JSON in the manifest's own terms (adminOnly, grants by name): the
// `before`/`after` of a plan's changes, and how a saved plan stores them. Child lists are
// left out of a resource's or application's JSON: each child is a change of its own.

#include "model/model.h"

namespace pingplan::model {

Json toJson(const Resource& r);     // name, description, audience, accessTokenValiditySeconds
Json toJson(const Attribute& a);    // name, value
Json toJson(const Scope& s);        // name, description
Json toJson(const Application& a);  // every managed field of manifest version 1
Json toJson(const Grant& g);        // resource, scopes

Resource resourceFromJson(const Json& j);
Attribute attributeFromJson(const Json& j);
Scope scopeFromJson(const Json& j);
Application applicationFromJson(const Json& j);
Grant grantFromJson(const Json& j);

/// A whole desired state, children included (for saved plans).
Json toJson(const EnvironmentState& s);
EnvironmentState environmentFromJson(const Json& j);

}  // namespace pingplan::model
