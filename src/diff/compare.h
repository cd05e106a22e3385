#pragma once
// Field-by-field comparison of one live object with its desired form: only the fields the
// manifest manages, PingOne's defaults applied to the live side, sets compared as sets.
// Each result is the list of reasons, one per differing field ("description differs").

#include <string>
#include <vector>

#include "model/model.h"

namespace pingplan::diff {

/// The live resource with PingOne's defaults filled where the API left a field out.
model::Resource withDefaults(model::Resource live);
/// The live application with PingOne's defaults filled where the API left a field out.
model::Application withDefaults(model::Application live);

/// True when both hold the same strings, in any order, duplicates ignored.
bool sameSet(const std::vector<std::string>& a, const std::vector<std::string>& b);

std::vector<std::string> compareResource(const model::Resource& live,
                                         const model::Resource& desired);
std::vector<std::string> compareAttribute(const model::Attribute& live,
                                          const model::Attribute& desired);
std::vector<std::string> compareScope(const model::Scope& live, const model::Scope& desired);
/// Mutable fields only; see immutableChanges for `type` and `protocol`.
std::vector<std::string> compareApplication(const model::Application& live,
                                            const model::Application& desired);
/// "type is immutable in PingOne (WORKER -> WEB_APP)", the same for `protocol`; empty when
/// the application can be updated in place.
std::vector<std::string> immutableChanges(const model::Application& live,
                                          const model::Application& desired);
std::vector<std::string> compareGrant(const model::Grant& live, const model::Grant& desired);

}  // namespace pingplan::diff
