#pragma once
// PingOne's ids (environments, resources, applications, ...) are UUIDs.

#include <string_view>

namespace pingplan::model {

/// True for 8-4-4-4-12 hexadecimal digits, either case: the only shape of a PingOne id.
bool isPingOneId(std::string_view value);

}  // namespace pingplan::model
