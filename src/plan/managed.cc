#include "plan/managed.h"

#include <array>
#include <string_view>

namespace pingplan::plan {

bool isManagedResourceType(const std::string& type) { return type == "CUSTOM"; }

bool isManagedApplicationType(const std::string& type) {
  static constexpr std::array<std::string_view, 6> kTypes = {
      "WORKER", "WEB_APP", "SERVICE", "SINGLE_PAGE_APP", "NATIVE_APP", "CUSTOM_APP"};
  for (auto t : kTypes) {
    if (t == type) return true;
  }
  return false;
}

bool isUndeletableAttribute(const model::Attribute& a) {
  return a.name == kSubAttribute || a.type == "CORE" || a.type == "PREDEFINED";
}

}  // namespace pingplan::plan
