#pragma once
// application/x-www-form-urlencoded bodies, for the token endpoint.

#include <string>
#include <utility>
#include <vector>

namespace pingplan::pingone {

/// Percent-encodes everything but ALPHA / DIGIT / "-" / "." / "_" / "~"; space becomes "+".
std::string formEncode(const std::string& value);

/// name=value&name=value, both sides encoded.
std::string formBody(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace pingplan::pingone
